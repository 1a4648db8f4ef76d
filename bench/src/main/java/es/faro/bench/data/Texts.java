package es.faro.bench.data;

import es.faro.protocol.model.Channel;
import java.util.Random;

/**
 * Message bodies that look like a telco's social inbox: Spanish and English sentences about
 * bills, coverage, fibre, roaming and porting, sized like each network's posts (short tweets,
 * longer Facebook posts and forum threads), so the FTS index and the JSON rows have real weight.
 */
public final class Texts {
    private static final String[] OPENERS_ES = {
        "Hola,", "Buenas tardes,", "Buenos días,", "Por favor,", "Otra vez,", "Llevo tres días así:",
        "@soporte", "Vaya servicio,", "Una pregunta:", "Gracias de antemano,"};
    private static final String[] SENTENCES_ES = {
        "me habéis cobrado dos veces la factura de este mes",
        "no tengo cobertura en casa desde el lunes",
        "la fibra se corta cada noche a partir de las diez",
        "quiero hacer la portabilidad de mi línea sin permanencia",
        "el router se reinicia solo y pierdo la conexión",
        "el roaming no funciona en Portugal aunque lo tengo activado",
        "la app no me deja ver el consumo de datos",
        "he pedido la baja y me siguen cobrando la tarifa",
        "la velocidad del 5G es peor que la del 4G en Madrid",
        "necesito el PUK de la tarjeta SIM, se ha bloqueado",
        "el técnico no vino a la cita de instalación",
        "no me llega el SMS de verificación del banco",
        "me han subido el precio de la tarifa sin avisar",
        "la televisión se queda congelada en el canal de deportes",
        "la eSIM no se activa en el móvil nuevo",
        "el contestador dice que mi número no existe"};
    private static final String[] SENTENCES_EN = {
        "I was charged twice on this month's bill",
        "there is no signal at home since Monday",
        "the fibre connection drops every evening",
        "roaming does not work in France even though it is enabled",
        "the app will not show my data usage",
        "I cancelled my contract but you keep charging me",
        "my SIM card is blocked and I need the PUK code",
        "the technician never showed up for the installation"};
    private static final String[] CLOSERS_ES = {
        "¿Podéis revisarlo?", "Es urgente.", "Mi número es el de este perfil.", "Gracias.",
        "¿Alguien me puede ayudar?", "Espero respuesta hoy.", "Estoy muy cansado de llamar."};
    private static final String[] REPLIES_ES = {
        "Hola, sentimos las molestias. Te escribimos por privado para revisar tu caso.",
        "Gracias por avisarnos. Hemos abierto una incidencia con el equipo técnico.",
        "Ya hemos corregido el cargo duplicado; lo verás en la próxima factura.",
        "¿Nos indicas el código postal para comprobar la cobertura de la zona?"};

    private Texts() {
    }

    static int maxLength(Channel channel) {
        return switch (channel) {
            case TWITTER -> 280;
            case GOOGLE_PLAY -> 350;
            case INSTAGRAM -> 400;
            case FACEBOOK -> 700;
            case APP_STORE -> 900;
            case COMMUNITY, FORUM -> 1_500;
        };
    }

    public static String customer(Random rnd, Channel channel, boolean english) {
        int target = 30 + rnd.nextInt(Math.max(1, maxLength(channel) - 30));
        StringBuilder sb = new StringBuilder(target + 80);
        sb.append(english ? "Hi," : OPENERS_ES[rnd.nextInt(OPENERS_ES.length)]);
        String[] pool = english ? SENTENCES_EN : SENTENCES_ES;
        while (sb.length() < target) {
            sb.append(' ').append(pool[rnd.nextInt(pool.length)]).append('.');
        }
        if (!english) {
            sb.append(' ').append(CLOSERS_ES[rnd.nextInt(CLOSERS_ES.length)]);
        }
        return sb.length() > maxLength(channel) ? sb.substring(0, maxLength(channel)) : sb.toString();
    }

    public static String agent(Random rnd) {
        return REPLIES_ES[rnd.nextInt(REPLIES_ES.length)];
    }

    /** Words the search scenario looks for: frequent, medium and rare in the generated bodies. */
    public static final String[] SEARCH_TERMS = {"factura", "cobertura", "fibra", "roaming", "portabilidad", "router",
        "PUK", "eSIM", "técnico", "tarifa", "charged", "velocidad 5G", "contestador", "deportes"};
}
