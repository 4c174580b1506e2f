package dev.daytimeharness.conformance.report;

import io.cucumber.core.plugin.HtmlFormatter;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.Source;
import io.cucumber.messages.types.TestStepFinished;
import io.cucumber.messages.types.TestStepResult;
import io.cucumber.messages.types.TestStepResultStatus;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventHandler;
import io.cucumber.plugin.event.EventPublisher;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cucumber's own HTML report ({@code cucumber.html}), made for a person: a skipped step shows its
 * reason, not the stack trace of the exception that skips it, and each feature is headed by its
 * file and title ("features/server/06-buffer.feature: Read-buffer limits"), not its classpath URI. Warnings show where they were found, as
 * the step's log line ({@code WARNING: ...}, written by the scenario's world). The steps, their
 * order and every verdict are Cucumber's; only these envelopes are rewritten on their way to its
 * formatter.
 */
public final class ReadableHtml implements ConcurrentEventListener {
    private static final Pattern FEATURE = Pattern.compile("(?m)^\\s*Feature:\\s*(.+?)\\s*$");

    private final HtmlFormatter html;
    private final Map<String, String> titles = new ConcurrentHashMap<>();

    public ReadableHtml(OutputStream out) throws IOException {
        this.html = new HtmlFormatter(out);
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        html.setEventPublisher(new EventPublisher() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> void registerHandlerFor(Class<T> type, EventHandler<T> handler) {
                if (type == Envelope.class) {
                    publisher.registerHandlerFor(Envelope.class, e -> handler.receive((T) readable(e)));
                } else {
                    publisher.registerHandlerFor(type, handler);
                }
            }

            @Override
            public <T> void removeHandlerFor(Class<T> type, EventHandler<T> handler) {
                publisher.removeHandlerFor(type, handler);
            }
        });
    }

    /** The envelope as the page should show it; most pass unchanged. */
    Envelope readable(Envelope e) {
        if (e.getSource().isPresent()) {
            Source s = e.getSource().get();
            Matcher m = FEATURE.matcher(s.getData());
            if (m.find()) {
                titles.put(s.getUri(), m.group(1));
            }
            return Envelope.of(new Source(title(s.getUri()), s.getData(), s.getMediaType()));
        }
        if (e.getGherkinDocument().isPresent()) {
            GherkinDocument d = e.getGherkinDocument().get();
            return Envelope.of(new GherkinDocument(d.getUri().map(this::title).orElse(null),
                    d.getFeature().orElse(null), d.getComments()));
        }
        if (e.getPickle().isPresent()) {
            Pickle p = e.getPickle().get();
            return Envelope.of(new Pickle(p.getId(), title(p.getUri()), p.getName(), p.getLanguage(), p.getSteps(),
                    p.getTags(), p.getAstNodeIds()));
        }
        if (e.getTestStepFinished().isPresent()) {
            TestStepFinished f = e.getTestStepFinished().get();
            TestStepResult r = f.getTestStepResult();
            // A skip is a reason, not an error: keep the message, drop the exception and its trace.
            if (r.getStatus() == TestStepResultStatus.SKIPPED && r.getException().isPresent()) {
                return Envelope.of(new TestStepFinished(f.getTestCaseStartedId(), f.getTestStepId(),
                        new TestStepResult(r.getDuration(), r.getMessage().orElse(null), r.getStatus(), null),
                        f.getTimestamp()));
            }
        }
        return e;
    }

    /**
     * "features/server/06-buffer.feature: Read-buffer limits" for the feature's classpath URI; the
     * page sorts features by it, and the file names keep the scenario IDs' order.
     */
    private String title(String uri) {
        String path = uri.startsWith("classpath:") ? uri.substring("classpath:".length()) : uri;
        String title = titles.get(uri);
        return title == null ? path : path + ": " + title;
    }
}
