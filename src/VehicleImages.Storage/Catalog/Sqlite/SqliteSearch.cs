using System.Globalization;
using System.Text;
using Dapper;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Search;
using VehicleImages.Domain.Text;

namespace VehicleImages.Storage.Catalog.Sqlite;

/// <summary>
/// Turns an <see cref="ImageSearch"/> into one SQLite query. The ORDER BY mirrors <see cref="ImageRanking"/> term
/// for term; a contract test checks the two agree.
/// </summary>
internal static class SqliteSearch
{
    public static CommandDefinition Command(ImageSearch search, string imageColumns, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        parameters.Add("make", MatchKey.Of(search.Make));
        parameters.Add("model", MatchKey.Of(search.Model));
        parameters.Add("photoType", (long)search.PhotoType);
        parameters.Add("limit", search.Limit);

        var where = new StringBuilder("c.make_key = @make AND c.model_key = @model AND i.photo_type = @photoType");
        var order = new List<string>();

        if (MatchKey.Of(search.Trim) is { Length: > 0 } trim)
        {
            parameters.Add("trim", trim);
            order.Add("CASE WHEN c.trim_key = @trim THEN 0 ELSE 1 END");
        }

        if (search.Year is { } year)
        {
            parameters.Add("year", year);
            where.Append(" AND (c.year_from IS NULL OR @year BETWEEN c.year_from AND c.year_to)");
            order.Add("CASE WHEN c.year_from IS NOT NULL THEN 0 ELSE 1 END");
        }

        if (search.Colour is { } colour)
        {
            parameters.Add("colour", (long)colour);
            order.Add("CASE WHEN i.colour = @colour THEN 0 ELSE 1 END");
        }

        if (search.PreferTransparent)
        {
            order.Add("i.has_alpha DESC");
        }

        order.Add($"CASE WHEN i.view IN ({List(ImageRanking.HeroViews.Select(v => (long)v))}) THEN 0 ELSE 1 END");
        order.Add("CASE WHEN i.quality_issues = 0 THEN 0 ELSE 1 END");
        order.Add("i.width * i.height DESC");
        order.Add("i.id");

        if (search.Views is { } views)
        {
            where.Append(views.Count == 0 ? " AND 0" : $" AND i.view IN ({List(views.Select(v => (long)v))})");
        }

        if (search.License is { } license)
        {
            where.Append($" AND i.license IN ({List(Licenses.Permitting(license).Select(l => (long)l))})");
        }

        if (search.GoodOnly)
        {
            where.Append(" AND i.quality_issues = 0");
        }

        var sql =
            $"SELECT {string.Join(", ", imageColumns.Split(", ").Select(column => "i." + column))}, " +
            "c.make AS cfg_make, c.model AS cfg_model, c.trim AS cfg_trim, c.body AS cfg_body, c.year_from AS cfg_year_from, c.year_to AS cfg_year_to " +
            $"FROM configurations c JOIN images i ON i.configuration_id = c.id WHERE {where} ORDER BY {string.Join(", ", order)} LIMIT @limit";
        return new CommandDefinition(sql, parameters, cancellationToken: cancellationToken);
    }

    // Enumeration values are integers from the domain, never user text, so inlining them is safe and lets SQLite
    // use them as constants.
    private static string List(IEnumerable<long> values) => string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
}
