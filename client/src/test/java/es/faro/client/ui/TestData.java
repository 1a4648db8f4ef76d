package es.faro.client.ui;

import es.faro.protocol.api.Bootstrap;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.DeliveryState;
import es.faro.protocol.model.Label;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.MessageKind;
import es.faro.protocol.model.Presence;
import es.faro.protocol.model.Priority;
import es.faro.protocol.model.ReferenceData;
import es.faro.protocol.model.Role;
import es.faro.protocol.model.Workqueue;
import es.faro.protocol.sla.SlaClock;
import es.faro.protocol.sla.SlaClockKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small, realistic floor for UI tests: three brands (Ana sees Orange and Jazztel, not Amena),
 * six queues, and a dozen conversations whose SLA clocks are placed relative to {@code now}.
 * These are protocol records fed through the real cache, not stand-ins for our components.
 */
public final class TestData {
    public static final Agent ANA = new Agent("u-ana", "ana", "Ana García", Set.of(Role.AGENT),
            List.of("orange", "jazztel"), List.of(), List.of("es", "en"), 8, Presence.ONLINE);
    public static final Agent PABLO = new Agent("u-pablo", "pablo", "Pablo Ruiz", Set.of(Role.AGENT),
            List.of("amena", "simyo", "republica"), List.of(), List.of("es"), 8, Presence.AWAY);

    private TestData() {
    }

    public static ReferenceData reference() {
        List<Brand> brands = List.of(
                new Brand("orange", "Orange", "#FF7900", Map.of()),
                new Brand("jazztel", "Jazztel", "#FFCC00", Map.of()),
                new Brand("amena", "Amena", "#00A651", Map.of()));
        List<Label> labels = List.of(
                new Label("fibra", "Fibra", "#0969DA"), new Label("factura", "Factura", "#8250DF"),
                new Label("portabilidad", "Portabilidad", "#1A7F37"), new Label("averia", "Avería", "#CF222E"),
                new Label("baja", "Baja", "#9A6700"));
        List<Workqueue> queues = List.of(
                new Workqueue("unassigned", "Sin asignar", null, null, null, null, null, Workqueue.UNASSIGNED, null, 1),
                new Workqueue("mine", "Mis conversaciones", null, null, null, null, null, Workqueue.ME, null, 0),
                new Workqueue("orange", "Orange", List.of("orange"), null, null, null, null, null, null, 2),
                new Workqueue("jazztel", "Jazztel", List.of("jazztel"), null, null, null, null, null, null, 3),
                new Workqueue("urgent", "Urgentes", null, null, null, List.of(Priority.P1, Priority.P2), null, null,
                        Workqueue.Ordering.PRIORITY, 4),
                new Workqueue("amena", "Amena", List.of("amena"), null, null, null, null, null, null, 5));
        return new ReferenceData(brands, List.of(), queues, List.of(ANA, PABLO), labels, List.of(), List.of(), List.of());
    }

    /** One conversation with a running first-response clock due {@code dueIn} from {@code now} (warning 30 min before). */
    public static Conversation conversation(String id, String brand, Channel channel, String name, String handle,
                                            Priority priority, String assignee, Duration dueIn, Instant now,
                                            String snippet, String... labels) {
        Instant created = now.minus(Duration.ofHours(1));
        SlaClock response = dueIn == null ? null : new SlaClock(SlaClockKind.FIRST_RESPONSE, created,
                now.plus(dueIn), now.plus(dueIn).minus(Duration.ofMinutes(30)), null);
        return new Conversation(id, brand, channel, "cust-" + id, name, handle, ConversationStatus.OPEN, priority,
                List.of(labels), "all", assignee, "es", snippet, MessageKind.IN, 1, created, created, created,
                response, null, 1);
    }

    /**
     * The conversations, by due time: c-breached (-12 min), c-warn (+20 min), c-tw (+45 min), c-fb (+1 h 30),
     * c-ig (+2 h), c-mine (+3 h, Ana's), c-pablo (+4 h, Pablo's), c-play (+5 h), c-store (no clock),
     * and c-amena (+10 min, a brand Ana cannot see).
     */
    public static List<Conversation> conversations(Instant now) {
        return List.of(
                conversation("c-breached", "orange", Channel.TWITTER, "Lucía Fernández", "@luciafdez",
                        Priority.P1, null, Duration.ofMinutes(-12), now,
                        "Llevo tres días sin fibra y nadie me da una solución. Esto es inaceptable.", "fibra", "averia"),
                conversation("c-warn", "jazztel", Channel.FACEBOOK, "Marcos Vidal", "Marcos Vidal",
                        Priority.P2, null, Duration.ofMinutes(20), now,
                        "Me habéis cobrado dos veces la factura de octubre", "factura"),
                conversation("c-tw", "orange", Channel.TWITTER, "Elena Ruiz", "@elenaruiz_",
                        Priority.P3, null, Duration.ofMinutes(45), now,
                        "¿Cuándo llega la portabilidad? Me dijeron 24 h y ya van 3 días", "portabilidad"),
                conversation("c-fb", "orange", Channel.INSTAGRAM, "Javier Moreno", "@javimoreno",
                        Priority.P3, null, Duration.ofMinutes(90), now,
                        "Hola, quería saber si hay ofertas para añadir una línea móvil"),
                conversation("c-ig", "jazztel", Channel.COMMUNITY, "Nuria Campos", "nuria.c",
                        Priority.P4, null, Duration.ofHours(2), now,
                        "El router se reinicia solo cada noche a las 3", "averia", "fibra"),
                conversation("c-mine", "orange", Channel.TWITTER, "Sergio Alonso", "@salonso",
                        Priority.P2, ANA.id(), Duration.ofHours(3), now,
                        "Gracias, espero vuestra respuesta por DM"),
                conversation("c-pablo", "jazztel", Channel.FORUM, "Carmen Ortega", "carmen_o",
                        Priority.P3, PABLO.id(), Duration.ofHours(4), now,
                        "¿Alguien sabe configurar el WiFi 6 del nuevo router?"),
                conversation("c-play", "orange", Channel.GOOGLE_PLAY, "Pedro Sánchez", "Pedro S.",
                        Priority.P4, null, Duration.ofHours(5), now,
                        "La app Mi Orange se cierra al abrir las facturas", "factura"),
                conversation("c-store", "jazztel", Channel.APP_STORE, "Ana Belén Gil", "anabelen",
                        Priority.P3, null, null, now,
                        "Muy buena app, pero echo de menos el modo oscuro"),
                conversation("c-amena", "amena", Channel.TWITTER, "Tomás Prieto", "@tprieto",
                        Priority.P1, null, Duration.ofMinutes(10), now,
                        "Sin cobertura en Valladolid centro", "averia"));
    }

    public static Message inbound(String id, Conversation c, Instant at, String body) {
        return new Message(id, c.id(), MessageKind.IN, c.customerId(), c.customerName(), body, true, c.channel(),
                "net-" + id, null, at, DeliveryState.RECEIVED, null);
    }

    public static Message reply(String id, Conversation c, Agent agent, Instant at, String body) {
        return new Message(id, c.id(), MessageKind.OUT, agent.id(), agent.name(), body, true, c.channel(),
                "net-" + id, null, at, DeliveryState.SENT, null);
    }

    public static Message note(String id, Conversation c, Agent agent, Instant at, String body) {
        return new Message(id, c.id(), MessageKind.NOTE, agent.id(), agent.name(), body, false, null,
                null, null, at, DeliveryState.SENT, null);
    }

    public static List<Message> messages(List<Conversation> conversations, Instant now) {
        List<Message> out = new ArrayList<>();
        for (Conversation c : conversations) {
            out.add(inbound("m-" + c.id() + "-1", c, c.createdAt(), c.snippet()));
        }
        Conversation first = conversations.get(0);
        out.add(note("m-" + first.id() + "-2", first, PABLO, first.createdAt().plusSeconds(600),
                "Cliente con incidencia abierta INC-20931 en el sistema de averías."));
        out.add(reply("m-" + first.id() + "-3", first, PABLO, first.createdAt().plusSeconds(900),
                "Hola Lucía, sentimos las molestias. ¿Nos escribes por DM tu número de cliente para revisarlo?"));
        out.add(inbound("m-" + first.id() + "-4", first, first.createdAt().plusSeconds(1500),
                "Ya os lo he mandado ayer. Sigo igual, teletrabajo y no puedo conectarme."));
        return out;
    }

    public static Bootstrap bootstrap(Instant now) {
        List<Conversation> conversations = conversations(now);
        return new Bootstrap(reference(), conversations, messages(conversations, now), 42, null);
    }
}
