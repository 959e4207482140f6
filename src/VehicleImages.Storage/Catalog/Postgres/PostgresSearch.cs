using System.Text;
using Dapper;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Search;
using VehicleImages.Domain.Text;

namespace VehicleImages.Storage.Catalog.Postgres;

/// <summary>
/// Turns an <see cref="ImageSearch"/> into one PostgreSQL query. The ORDER BY mirrors <see cref="ImageRanking"/> term
/// for term; a contract test checks the two agree.
/// </summary>
internal static class PostgresSearch
{
    // The hero-view term exactly as the images_ranked index (migration 0006) spells it; see RankedImages.
    private static readonly string HeroTerm =
        $"CASE WHEN i.view IN ({string.Join(", ", ImageRanking.HeroViews.Select(v => (int)v).Order())}) THEN 0 ELSE 1 END";

    public static CommandDefinition Command(ImageSearch search, string imageColumns, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        parameters.Add("make", MatchKey.Of(search.Make));
        parameters.Add("model", MatchKey.Of(search.Model));
        parameters.Add("photoType", (short)search.PhotoType);
        parameters.Add("limit", search.Limit);

        var configurationWhere = new StringBuilder("c.make_key = @make AND c.model_key = @model");
        var imageWhere = new StringBuilder("i.photo_type = @photoType");
        var order = new List<string>();

        if (MatchKey.Of(search.Trim) is { Length: > 0 } trim)
        {
            parameters.Add("trim", trim);
            order.Add(Prefer("c.trim_key = @trim"));
        }

        if (search.Year is { } year)
        {
            parameters.Add("year", year);
            configurationWhere.Append(" AND (c.year_from IS NULL OR @year BETWEEN c.year_from AND c.year_to)");
            order.Add(Prefer("c.year_from IS NOT NULL"));
        }

        if (search.Colour is { } colour)
        {
            parameters.Add("colour", (short)colour);
            order.Add(Prefer("i.colour = @colour"));
        }

        if (search.PreferTransparent)
        {
            order.Add(Prefer("i.has_alpha"));
        }

        order.Add(HeroTerm);
        order.Add(Prefer("i.quality_issues = 0"));

        // Widened first: two integer columns multiply in integer, and a 50000 × 50000 image would overflow it.
        order.Add("i.width::bigint * i.height DESC");
        order.Add("i.id");

        if (search.Views is { } views)
        {
            parameters.Add("views", views.Select(v => (short)v).ToArray());
            imageWhere.Append(" AND i.view = ANY(@views)");
        }

        if (search.License is { } license)
        {
            // An image of unknown licence has NULL here, which no licence equals: it never passes a licence filter.
            parameters.Add("licenses", Licenses.Permitting(license).Select(l => (short)l).ToArray());
            imageWhere.Append(" AND i.license = ANY(@licenses)");
        }

        var candidates = search.GoodOnly
            ? RankedImages(search, imageWhere.ToString())
            : $"images i ON i.configuration_id = c.id AND {imageWhere}";

        // Two steps: the candidates are ranked on columns the indexes carry; then only the rows returned are read in
        // full. WITH ORDINALITY keeps the ranked order through the join.
        var sql =
            $"SELECT {string.Join(", ", imageColumns.Split(", ").Select(column => "i." + column))}, " +
            "c.make AS cfg_make, c.model AS cfg_model, c.trim AS cfg_trim, c.body AS cfg_body, c.year_from AS cfg_year_from, c.year_to AS cfg_year_to " +
            "FROM unnest(ARRAY(" +
            $"SELECT i.id FROM configurations c JOIN {candidates} WHERE {configurationWhere} ORDER BY {string.Join(", ", order)} LIMIT @limit" +
            ")) WITH ORDINALITY AS ranked (id, rank) " +
            "JOIN images i ON i.id = ranked.id JOIN configurations c ON c.id = i.configuration_id ORDER BY ranked.rank";
        return new CommandDefinition(sql, parameters, cancellationToken: cancellationToken);
    }

    // The good images of one configuration that can reach the top: within a configuration every configuration-level
    // preference is the same, so an image beaten by `limit` others of its own configuration that share its alpha and
    // colour preference values is beaten overall. Each such group is read from images_ranked in ranking order and
    // stops after `limit` rows, so a search costs a few index entries per configuration, however many images the
    // model has; the outer ORDER BY then ranks those few exactly as before.
    private static string RankedImages(ImageSearch search, string imageWhere)
    {
        var groups = new List<string> { "i.has_alpha = true", "i.has_alpha = false" };
        if (search.Colour is not null)
        {
            groups = [.. groups.SelectMany(g => new[] { $"{g} AND i.colour = @colour", $"{g} AND i.colour IS DISTINCT FROM @colour" })];
        }

        var branches = groups.Select(group =>
            // quality_issues is known (0) rather than read: the index holds it only as its predicate, and reading it
            // would send every candidate to the table instead of answering from the index alone.
            "(SELECT i.id, i.view, i.colour, i.has_alpha, 0 AS quality_issues, i.width, i.height FROM images i " +
            $"WHERE i.configuration_id = c.id AND i.quality_issues = 0 AND {imageWhere} AND {group} " +
            $"ORDER BY {HeroTerm}, i.width::bigint * i.height DESC, i.id LIMIT @limit)");
        return $"LATERAL ({string.Join(" UNION ALL ", branches)}) i ON TRUE";
    }

    // A CASE rather than a bare boolean: a comparison with NULL (an image without a colour) is NULL, which would
    // sort apart from false instead of with it.
    private static string Prefer(string condition) => $"CASE WHEN {condition} THEN 0 ELSE 1 END";
}
