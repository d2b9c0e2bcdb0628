package dev.pgdesk.ui.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.pool.PoolManager;
import dev.pgdesk.schema.DatabaseObject;
import dev.pgdesk.schema.ObjectStats;
import dev.pgdesk.schema.QualifiedName;
import dev.pgdesk.schema.SchemaBrowser;
import dev.pgdesk.schema.SchemaInfo;
import dev.pgdesk.schema.SchemaObject;
import dev.pgdesk.schema.StatementTemplates;
import dev.pgdesk.schema.TableDetails;
import dev.pgdesk.schema.TablePrivileges;
import dev.pgdesk.schema.TypeDetails;
import dev.pgdesk.testing.SampleSchema;
import dev.pgdesk.testing.TestServer;
import dev.pgdesk.ui.FormRobot;
import dev.pgdesk.ui.schema.NavigatorNode.Kind;
import dev.pgdesk.ui.schema.NavigatorNode.LoadState;
import dev.pgdesk.ui.task.FxTaskRunner;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The navigator's model over the real sample database: lazy loading off the FX thread, filter, refresh. */
@Tag("server")
@ExtendWith(ApplicationExtension.class)
class NavigatorModelTest {
    private final PoolManager pools = new PoolManager();
    private final FxTaskRunner tasks = new FxTaskRunner();
    private final RecordingActions actions = new RecordingActions();

    @AfterEach
    void close() {
        pools.close();
        tasks.shutdown();
    }

    @Test
    void everyLoadReadsTheServerOffTheFxThread() throws Exception {
        RecordingSource source = new RecordingSource(browser("alice"));
        NavigatorModel model = start(source);

        NavigatorNode orders = expand(model, "s:public", "f:Tables", "o:TABLE:orders");
        expand(model, "s:public", "f:Types", "o:ENUM_TYPE:ticket_priority");
        fx(() -> {
            model.select(orders);
            return null;
        });
        FormRobot.waitFor(() -> fx(() -> !model.detailsProperty().get().loading()));

        assertThat(orders.children()).extracting(NavigatorNode::key).startsWith("g:Columns");
        assertThat(source.calls).contains("schemas", "objects", "tableDetails", "type", "stats", "privileges");
        assertThat(source.onFxThread).as("calls made on the FX thread").isEmpty();
    }

    @Test
    void aSlowServerLeavesTheTreeResponsiveWithALoadingChild() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingSource source = new RecordingSource(browser("alice")) {
            @Override
            public List<SchemaObject> objects(String schema) throws SQLException {
                await(release);
                return super.objects(schema);
            }
        };
        NavigatorModel model = start(source);
        NavigatorNode publicSchema = fx(() -> model.find("s:public").orElseThrow());

        fx(() -> {
            publicSchema.setExpanded(true);
            return null;
        });
        // The FX thread answers while the read waits on the server.
        assertThat(fx(() -> publicSchema.state())).isEqualTo(LoadState.LOADING);
        assertThat(fx(() -> publicSchema.children().get(0).kind())).isEqualTo(Kind.LOADING);
        assertThat(fx(() -> publicSchema.children().get(0).label())).isEqualTo("Loading…");

        release.countDown();
        FormRobot.waitFor(() -> fx(() -> publicSchema.state() == LoadState.LOADED));
        assertThat(fx(() -> publicSchema.child("f:Tables").isPresent())).isTrue();
    }

    @Test
    void aFailedLoadShowsWhyAsAChildAndExpandingAgainRetries() throws Exception {
        boolean[] fail = {true};
        RecordingSource source = new RecordingSource(browser("alice")) {
            @Override
            public TableDetails tableDetails(QualifiedName table) throws SQLException {
                if (fail[0]) {
                    throw new SQLException("permission denied for table orders");
                }
                return super.tableDetails(table);
            }
        };
        NavigatorModel model = start(source);
        NavigatorNode orders = expand(model, "s:public", "f:Tables", "o:TABLE:orders");

        assertThat(orders.state()).isEqualTo(LoadState.FAILED);
        assertThat(fx(() -> orders.children().get(0).label()))
                .isEqualTo("Could not load orders: permission denied for table orders");

        fail[0] = false;
        fx(() -> {
            orders.setExpanded(false);
            orders.setExpanded(true);
            return null;
        });
        FormRobot.waitFor(() -> fx(() -> orders.state() == LoadState.LOADED));
        assertThat(fx(() -> orders.child("g:Columns").isPresent())).isTrue();
    }

    @Test
    void theSampleShowsEveryFolderKindWithCountsAndTheDetailsBelowTables() throws Exception {
        NavigatorModel model = start(new RecordingSource(browser("alice")));
        NavigatorNode publicSchema = expand(model, "s:public");

        assertThat(fx(() -> visibleKeys(publicSchema)))
                .containsExactly(
                        "f:Tables",
                        "f:Views",
                        "f:Materialized views",
                        "f:Foreign tables",
                        "f:Sequences",
                        "f:Functions",
                        "f:Procedures",
                        "f:Types");
        NavigatorNode tables = fx(() -> publicSchema.child("f:Tables").orElseThrow());
        assertThat(tables.label()).isEqualTo("Tables (" + tables.children().size() + ")");

        NavigatorNode columns = expand(model, "s:public", "f:Tables", "o:TABLE:orders", "g:Columns");
        NavigatorNode id = fx(() -> columns.child("c:id").orElseThrow());
        assertThat(id.primaryKey()).isTrue();
        assertThat(id.detail()).startsWith("integer PK");

        NavigatorNode constraints = expand(model, "s:public", "f:Tables", "o:TABLE:orders", "g:Constraints");
        assertThat(fx(() -> constraints.children().stream()
                        .map(NavigatorNode::detail)
                        .toList()))
                .anySatisfy(detail -> assertThat(detail).startsWith("FK (customer_id) → public.customers (id)"));

        NavigatorNode priority = expand(model, "s:public", "f:Types", "o:ENUM_TYPE:ticket_priority");
        assertThat(fx(() ->
                        priority.children().stream().map(NavigatorNode::label).toList()))
                .containsExactly("'low'", "'normal'", "'high'", "'urgent'");
        NavigatorNode email = expand(model, "s:public", "f:Types", "o:DOMAIN:email_address");
        assertThat(fx(() -> email.child("d:base").orElseThrow().detail())).startsWith("text");
    }

    @Test
    void theFilterNarrowsFoldersAndSchemasAndBlankBringsEverythingBack() throws Exception {
        NavigatorModel model = start(new RecordingSource(browser("alice")));
        NavigatorNode publicSchema = expand(model, "s:public");
        NavigatorNode tables = fx(() -> publicSchema.child("f:Tables").orElseThrow());
        int allTables = tables.children().size();

        fx(() -> {
            model.filterProperty().set("order item");
            return null;
        });
        FormRobot.waitFor(() -> fx(() -> model.loadsRunningProperty().get() == 0));

        assertThat(fx(() -> visibleKeys(tables))).containsExactly("o:TABLE:order_items");
        assertThat(tables.label()).isEqualTo("Tables (1 of " + allTables + ")");
        assertThat(fx(() -> visibleKeys(publicSchema))).containsExactly("f:Tables");
        assertThat(tables.isExpanded()).as("a folder with matches opens").isTrue();

        fx(() -> {
            model.filterProperty().set(" ");
            return null;
        });
        assertThat(fx(() -> tables.visibleChildren().size())).isEqualTo(allTables);
        assertThat(fx(() -> publicSchema.visibleChildren().size())).isEqualTo(8);
    }

    @Test
    void systemSchemasAppearOnlyWhenAsked() throws Exception {
        NavigatorModel model = start(new RecordingSource(browser("alice")));
        assertThat(fx(() -> visibleKeys(model.root()))).contains("s:public").doesNotContain("s:pg_catalog");

        fx(() -> {
            model.showSystemSchemasProperty().set(true);
            return null;
        });
        FormRobot.waitFor(() -> fx(() -> model.root().state() == LoadState.LOADED));

        assertThat(fx(() -> visibleKeys(model.root()))).contains("s:public", "s:pg_catalog", "s:information_schema");
        assertThat(fx(() -> model.find("s:pg_catalog").orElseThrow().detail())).isEqualTo("system");
    }

    @Test
    void refreshReadsAgainAndKeepsWhatWasExpanded() throws Exception {
        RecordingSource source = new RecordingSource(browser("alice"));
        NavigatorModel model = start(source);
        expand(model, "s:public", "f:Tables", "o:TABLE:orders", "g:Columns");
        int detailsReads = source.count("tableDetails");
        assertThat(actions.rereads).isEmpty();

        fx(() -> {
            model.refresh();
            return null;
        });
        FormRobot.waitFor(() -> fx(() -> model.loadsRunningProperty().get() == 0
                && model.find("s:public", "f:Tables", "o:TABLE:orders", "g:Columns")
                        .map(NavigatorNode::isExpanded)
                        .orElse(false)));

        assertThat(source.count("tableDetails")).isEqualTo(detailsReads + 1);
        assertThat(actions.rereads)
                .as("the completion catalog is read again too")
                .isNotEmpty();
        assertThat(fx(() -> model.find("s:public", "f:Tables", "o:TABLE:orders")
                        .orElseThrow()
                        .isExpanded()))
                .isTrue();
    }

    @Test
    void anIndexShowsTheSqlThatCreatesIt() throws Exception {
        NavigatorModel model = start(new RecordingSource(browser(TestServer.SUPERUSER)));
        expand(model, "s:public", "f:Tables", "o:TABLE:orders", "g:Indexes");
        NavigatorNode index =
                fx(() -> model.find("s:public", "f:Tables", "o:TABLE:orders", "g:Indexes", "i:orders_pkey")
                        .orElseThrow());

        fx(() -> {
            model.showDefinition(index);
            return null;
        });

        assertThat(actions.ddl).containsExactly("CREATE UNIQUE INDEX orders_pkey ON public.orders USING btree (id);");
    }

    @Test
    void aSuperuserMayDoEverythingWhileAliceMayDoNothingWithoutAGrant() throws Exception {
        String alice = grantsOf(start(new RecordingSource(browser("alice"))));
        String postgres = grantsOf(start(new RecordingSource(browser(TestServer.SUPERUSER))));

        assertThat(alice).isEqualTo("alice may do nothing with public.orders");
        assertThat(postgres)
                .isEqualTo(
                        "postgres may SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER on public.orders");
    }

    @Test
    void aMaterializedViewOffersNoChangingStatementsAndSaysWhy() throws Exception {
        NavigatorModel model = start(new RecordingSource(browser("alice")));
        NavigatorNode sales = expand(model, "s:public", "f:Materialized views");
        NavigatorNode productSales =
                fx(() -> sales.child("o:MATERIALIZED_VIEW:product_sales").orElseThrow());
        ObjectDetails details = detailsOf(model, productSales);

        TemplateOptions options = details.templates().orElseThrow();
        assertThat(options.insert()).isFalse();
        assertThat(options.updateAndDelete()).isFalse();
        assertThat(options.reason()).contains("REFRESH MATERIALIZED VIEW");
    }

    @Test
    void openDataAndGenerateHandTheStatementToTheWindow() throws Exception {
        NavigatorModel model = start(new RecordingSource(browser("alice")));
        NavigatorNode tables = expand(model, "s:public", "f:Tables");
        SchemaObject orders =
                fx(() -> tables.child("o:TABLE:orders").orElseThrow().object().orElseThrow());

        fx(() -> {
            model.openData(orders);
            model.generate(orders, StatementKind.DELETE);
            return null;
        });
        FormRobot.waitFor(() -> actions.ran.size() == 1 && actions.opened.size() == 1);

        assertThat(actions.ran.get(0)).startsWith("SELECT ").endsWith("\nFROM public.orders\nLIMIT 100");
        assertThat(actions.opened.get(0)).isEqualTo("DELETE FROM public.orders\nWHERE id = $1");
    }

    // Helpers

    private String grantsOf(NavigatorModel model) throws Exception {
        NavigatorNode tables = expand(model, "s:public", "f:Tables");
        return detailsOf(model, fx(() -> tables.child("o:TABLE:orders").orElseThrow()))
                .grantsText();
    }

    private static ObjectDetails detailsOf(NavigatorModel model, NavigatorNode node) throws Exception {
        fx(() -> {
            model.select(node);
            return null;
        });
        FormRobot.waitFor(() -> fx(() -> !model.detailsProperty().get().loading()));
        return fx(() -> model.detailsProperty().get());
    }

    private CatalogSource browser(String user) throws SQLException {
        TestServer server = SampleSchema.server();
        ConnectionProfile profile = server.profile(user)
                .name("navigator " + user)
                .database(SampleSchema.DATABASE)
                .build();
        return CatalogSource.of(new SchemaBrowser(pools.open(profile, server.password(user))));
    }

    private NavigatorModel start(CatalogSource source) throws Exception {
        NavigatorModel model = fx(() -> {
            NavigatorModel created = new NavigatorModel("p", source, tasks, actions);
            created.start();
            return created;
        });
        FormRobot.waitFor(() -> fx(() -> model.root().state() == LoadState.LOADED));
        return model;
    }

    /** Expands each node of the path in turn, waiting for its children. */
    private static NavigatorNode expand(NavigatorModel model, String... path) throws Exception {
        NavigatorNode node = model.root();
        for (String key : path) {
            NavigatorNode parent = node;
            node = fx(() ->
                    parent.child(key).orElseThrow(() -> new AssertionError(key + " not in " + parent.children())));
            NavigatorNode child = node;
            fx(() -> {
                child.setExpanded(true);
                return null;
            });
            FormRobot.waitFor(
                    () -> fx(() -> child.state() != LoadState.LOADING && child.state() != LoadState.NOT_LOADED));
        }
        return node;
    }

    private static List<String> visibleKeys(NavigatorNode node) {
        return node.visibleChildren().stream().map(NavigatorNode::key).toList();
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Passes every read to the real browser and notes its name and whether it ran on the FX thread. */
    static class RecordingSource implements CatalogSource {
        final CatalogSource real;
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<String> onFxThread = new CopyOnWriteArrayList<>();

        RecordingSource(CatalogSource real) {
            this.real = real;
        }

        private void note(String call) {
            calls.add(call);
            if (Platform.isFxApplicationThread()) {
                onFxThread.add(call);
            }
        }

        int count(String call) {
            return (int) calls.stream().filter(call::equals).count();
        }

        @Override
        public List<SchemaInfo> schemas(boolean includeSystem) throws SQLException {
            note("schemas");
            return real.schemas(includeSystem);
        }

        @Override
        public List<SchemaObject> objects(String schema) throws SQLException {
            note("objects");
            return real.objects(schema);
        }

        @Override
        public TableDetails tableDetails(QualifiedName table) throws SQLException {
            note("tableDetails");
            return real.tableDetails(table);
        }

        @Override
        public TypeDetails type(QualifiedName type) throws SQLException {
            note("type");
            return real.type(type);
        }

        @Override
        public ObjectStats stats(QualifiedName relation) throws SQLException {
            note("stats");
            return real.stats(relation);
        }

        @Override
        public TablePrivileges privileges(QualifiedName table) throws SQLException {
            note("privileges");
            return real.privileges(table);
        }

        @Override
        public String ddl(DatabaseObject object) throws SQLException {
            note("ddl");
            return real.ddl(object);
        }

        @Override
        public StatementTemplates templates(QualifiedName table) throws SQLException {
            note("templates");
            return real.templates(table);
        }
    }

    /** Notes what the model hands to the window. */
    static final class RecordingActions implements NavigatorActions {
        final List<String> ran = new CopyOnWriteArrayList<>();
        final List<String> opened = new CopyOnWriteArrayList<>();
        final List<String> ddl = new CopyOnWriteArrayList<>();
        final List<String> copied = new CopyOnWriteArrayList<>();
        final List<String> rereads = new CopyOnWriteArrayList<>();

        @Override
        public void openAndRun(String profileId, String sql) {
            ran.add(sql);
        }

        @Override
        public void openInEditor(String profileId, String sql) {
            opened.add(sql);
        }

        @Override
        public void showDdl(String profileId, String name, String text) {
            ddl.add(text);
        }

        @Override
        public void copy(String text) {
            copied.add(text);
        }

        @Override
        public void catalogReread(String profileId) {
            rereads.add(profileId);
        }
    }
}
