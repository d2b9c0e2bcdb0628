package dev.pgdesk.complete;

import java.util.List;

/**
 * A relation a statement brings into scope, under the name its columns are qualified with.
 *
 * @param exposedName the alias, or the relation's own name when it has none
 * @param description where the columns come from, for candidate details ("public.users", "cte recent")
 * @param columns the columns, with types when the catalog knows them
 */
record ScopeEntry(String exposedName, String description, List<CatalogColumn> columns) {}
