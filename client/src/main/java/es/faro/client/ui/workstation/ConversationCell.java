package es.faro.client.ui.workstation;

import es.faro.client.ui.common.StyleClasses;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import es.faro.client.cache.SearchHit;
import es.faro.client.ui.common.BrandChips;
import es.faro.client.ui.common.ChannelIcons;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.SharedClock;
import es.faro.client.ui.common.SlaFormat;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Conversation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One row of the queue: who, where, what they said, and how long until the SLA breaches. The
 * countdown listens to the shared clock only while the cell is visible and holds a row.
 */
final class ConversationCell extends ListCell<Conversation> {
    static final double HEIGHT = 74;
    private static final int MAX_TAGS = 3;

    private final Supplier<ReferenceIndex> reference;
    private final I18n i18n;
    private final SharedClock clock;

    private final FontIcon channel = new FontIcon();
    private final Label name = new Label();
    private final Label handle = new Label();
    private final Label sla = new Label();
    private final Label snippet = new Label();
    private final Region brandDot = new Region();
    private final Label brandName = new Label();
    private final Label priority = new Label();
    private final HBox tags = new HBox(4);
    private final Label assignee = new Label();
    private final VBox content;
    /** The search result behind a row, when the list shows results: its snippet replaces the conversation's. */
    private final Function<String, Optional<SearchHit>> hits;
    private final TextFlow marked = new TextFlow();
    private final Pane markedLine = new Pane();

    ConversationCell(Supplier<ReferenceIndex> reference, I18n i18n, SharedClock clock) {
        this(reference, i18n, clock, id -> Optional.empty());
    }

    ConversationCell(Supplier<ReferenceIndex> reference, I18n i18n, SharedClock clock,
                     Function<String, Optional<SearchHit>> hits) {
        this.hits = hits;
        this.reference = reference;
        this.i18n = i18n;
        this.clock = clock;
        getStyleClass().add("conversation-cell");
        channel.getStyleClass().add("channel-icon");
        name.getStyleClass().addAll("customer-name", Styles.TEXT_BOLD);
        name.setMinWidth(Region.USE_PREF_SIZE);
        handle.getStyleClass().addAll("customer-handle", Styles.TEXT_MUTED);
        handle.setTextOverrun(OverrunStyle.ELLIPSIS);
        handle.setMinWidth(0);
        sla.getStyleClass().add("sla");
        sla.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(6, channel, name, handle, new Spacer(), sla);
        top.setAlignment(Pos.CENTER_LEFT);

        snippet.getStyleClass().addAll("snippet", Styles.TEXT_MUTED);
        snippet.setTextOverrun(OverrunStyle.ELLIPSIS);
        snippet.setMaxWidth(Double.MAX_VALUE);
        snippet.setMinWidth(0);

        brandDot.getStyleClass().add("brand-dot");
        brandName.getStyleClass().addAll("brand-name", Styles.TEXT_SMALL);
        brandName.setMinWidth(Region.USE_PREF_SIZE);
        priority.getStyleClass().add("priority-badge");
        priority.setMinWidth(Region.USE_PREF_SIZE);
        tags.setAlignment(Pos.CENTER_LEFT);
        tags.setMinWidth(0);
        HBox.setHgrow(tags, Priority.SOMETIMES);
        assignee.getStyleClass().add("initials");
        assignee.setMinWidth(Region.USE_PREF_SIZE);
        HBox bottom = new HBox(6, brandDot, brandName, priority, tags, new Spacer(), assignee);
        bottom.setAlignment(Pos.CENTER_LEFT);

        marked.getStyleClass().addAll("snippet", "search-snippet");
        // One line, like the plain snippet: a Pane leaves the flow at its (unwrapped) preferred size and
        // the clip cuts what does not fit, instead of wrapping over the row below.
        markedLine.getChildren().add(marked);
        markedLine.setMinWidth(0);
        markedLine.setPrefWidth(0);
        markedLine.setMaxWidth(Double.MAX_VALUE);
        markedLine.setMinHeight(18);
        markedLine.setPrefHeight(18);
        markedLine.setMaxHeight(18);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(markedLine.widthProperty());
        clip.heightProperty().bind(markedLine.heightProperty());
        markedLine.setClip(clip);

        content = new VBox(3, top, snippet, bottom);
        content.setMinWidth(0);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        // A row is as wide as the list: long names ellipsize instead of scrolling sideways.
        setPrefWidth(0);

        BooleanBinding shown = visibleProperty().and(emptyProperty().not());
        clock.nowProperty().when(shown).subscribe(this::renderSla);
    }

    @Override
    protected void updateItem(Conversation c, boolean empty) {
        super.updateItem(c, empty);
        if (empty || c == null) {
            setGraphic(null);
            return;
        }
        ReferenceIndex ref = reference.get();
        channel.setIconCode(ChannelIcons.ikon(c.channel()));
        channel.getStyleClass().setAll("channel-icon", ChannelIcons.styleClass(c.channel()));
        name.setText(c.customerName() == null
                ? i18n.get("conversation.unknownCustomer", i18n.get(ChannelIcons.nameKey(c.channel()))) : c.customerName());
        handle.setText(c.customerHandle() == null || c.customerHandle().equals(c.customerName()) ? "" : c.customerHandle());
        Optional<SearchHit> hit = hits.apply(c.id());
        snippet.setText(c.snippet() == null ? "" : oneLine(c.snippet()));
        if (hit.isPresent()) {
            marked.getChildren().setAll(runs(hit.get().snippet(), hit.get().highlights()));
            content.getChildren().set(1, markedLine);
        } else {
            content.getChildren().set(1, snippet);
        }
        name.getStyleClass().remove("search-customer-match");
        if (hit.isPresent() && hit.get().customerMatch()) {
            name.getStyleClass().add("search-customer-match");
        }
        Brand brand = ref.brand(c.brandId()).orElse(null);
        BrandChips.paint(brandDot, brand);
        brandName.setText(brand == null ? c.brandId() : brand.name());
        priority.setText(c.priority() == null ? "" : c.priority().name());
        priority.setVisible(c.priority() != null);
        priority.getStyleClass().setAll("priority-badge", c.priority() == null ? "" : "priority-" + c.priority().name().toLowerCase());
        tags.getChildren().clear();
        for (int i = 0; i < Math.min(MAX_TAGS, c.labels().size()); i++) {
            Label tag = new Label(ref.labelName(c.labels().get(i)));
            tag.getStyleClass().add("tag");
            tag.setMinWidth(0);
            tags.getChildren().add(tag);
        }
        if (c.labels().size() > MAX_TAGS) {
            Label more = new Label("+" + (c.labels().size() - MAX_TAGS));
            more.getStyleClass().addAll("tag", "tag-more");
            tags.getChildren().add(more);
        }
        String assigneeName = c.assigneeId() == null ? null
                : ref.agent(c.assigneeId()).map(a -> a.name()).orElse(c.assigneeId());
        assignee.setVisible(assigneeName != null);
        assignee.setText(assigneeName == null ? "" : ReferenceIndex.initials(assigneeName));
        renderSla(clock.now());
        setGraphic(content);
    }

    private void renderSla(Instant now) {
        Conversation c = getItem();
        if (c == null || now == null) {
            return;
        }
        sla.setText(SlaFormat.countdown(c, now));
        StyleClasses.choose(sla.getStyleClass(), SlaFormat.ALL, SlaFormat.styleClass(c.slaStateAt(now)));
    }

    /** The text as runs, the matched words bold (ranges that do not fit the text are ignored). */
    static List<Text> runs(String text,
                                                       List<SearchHit.Range> ranges) {
        List<Text> runs = new ArrayList<>();
        int at = 0;
        for (SearchHit.Range r : ranges) {
            if (r.start() < at || r.end() > text.length() || r.start() >= r.end()) {
                continue;
            }
            runs.add(plainRun(text.substring(at, r.start())));
            Text mark = new Text(text.substring(r.start(), r.end()));
            mark.getStyleClass().addAll("search-hit-mark", "search-match");
            runs.add(mark);
            at = r.end();
        }
        runs.add(plainRun(text.substring(at)));
        return runs;
    }

    private static Text plainRun(String text) {
        Text run = new Text(text);
        run.getStyleClass().add("search-snippet-text");
        return run;
    }

    static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
