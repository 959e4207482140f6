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
    private static readonly short[] HeroViews = [.. ImageRanking.HeroViews.Select(v => (short)v)];

    public static CommandDefinition Command(ImageSearch search, string imageColumns, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        parameters.Add("make", MatchKey.Of(search.Make));
        parameters.Add("model", MatchKey.Of(search.Model));
        parameters.Add("photoType", (short)search.PhotoType);
        parameters.Add("heroViews", HeroViews);
        parameters.Add("limit", search.Limit);

        var where = new StringBuilder("c.make_key = @make AND c.model_key = @model AND i.photo_type = @photoType");
        var order = new List<string>();

        if (MatchKey.Of(search.Trim) is { Length: > 0 } trim)
        {
            parameters.Add("trim", trim);
            order.Add(Prefer("c.trim_key = @trim"));
        }

        if (search.Year is { } year)
        {
            parameters.Add("year", year);
            where.Append(" AND (c.year_from IS NULL OR @year BETWEEN c.year_from AND c.year_to)");
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

        order.Add(Prefer("i.view = ANY(@heroViews)"));
        order.Add(Prefer("i.quality_issues = 0"));

        // Widened first: two integer columns multiply in integer, and a 50000 × 50000 image would overflow it.
        order.Add("i.width::bigint * i.height DESC");
        order.Add("i.id");

        if (search.Views is { } views)
        {
            parameters.Add("views", views.Select(v => (short)v).ToArray());
            where.Append(" AND i.view = ANY(@views)");
        }

        if (search.License is { } license)
        {
            // An image of unknown licence has NULL here, which no licence equals: it never passes a licence filter.
            parameters.Add("licenses", Licenses.Permitting(license).Select(l => (short)l).ToArray());
            where.Append(" AND i.license = ANY(@licenses)");
        }

        if (search.GoodOnly)
        {
            where.Append(" AND i.quality_issues = 0");
        }

        // Two steps: the candidates (thousands, for a popular model) are filtered and ranked on columns that
        // images_by_configuration carries, so from the index alone; then only the rows returned are read in full.
        // WITH ORDINALITY keeps the ranked order through the join.
        var sql =
            $"SELECT {string.Join(", ", imageColumns.Split(", ").Select(column => "i." + column))}, " +
            "c.make AS cfg_make, c.model AS cfg_model, c.trim AS cfg_trim, c.body AS cfg_body, c.year_from AS cfg_year_from, c.year_to AS cfg_year_to " +
            "FROM unnest(ARRAY(" +
            $"SELECT i.id FROM configurations c JOIN images i ON i.configuration_id = c.id WHERE {where} ORDER BY {string.Join(", ", order)} LIMIT @limit" +
            ")) WITH ORDINALITY AS ranked (id, rank) " +
            "JOIN images i ON i.id = ranked.id JOIN configurations c ON c.id = i.configuration_id ORDER BY ranked.rank";
        return new CommandDefinition(sql, parameters, cancellationToken: cancellationToken);
    }

    // A CASE rather than a bare boolean: a comparison with NULL (an image without a colour) is NULL, which would
    // sort apart from false instead of with it.
    private static string Prefer(string condition) => $"CASE WHEN {condition} THEN 0 ELSE 1 END";
}
