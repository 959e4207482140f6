using Dapper;
using VehicleImages.Domain.Text;

namespace VehicleImages.Storage.Curation;

/// <summary>Turns a <see cref="LibraryFilter"/> into a WHERE clause over images <c>i</c> joined to configurations <c>c</c>, in SQL both backends speak.</summary>
internal static class LibraryFilterSql
{
    public static string Where(LibraryFilter filter, DynamicParameters parameters)
    {
        var clauses = new List<string> { "1 = 1" };
        void Add(string clause, string name, object value)
        {
            parameters.Add(name, value);
            clauses.Add(clause);
        }

        if (filter.Make is { } make)
        {
            Add("c.make_key = @make", "make", MatchKey.Of(make));
        }

        if (filter.Model is { } model)
        {
            Add("c.model_key = @model", "model", MatchKey.Of(model));
        }

        if (filter.Years is { } years)
        {
            if (years == default)
            {
                clauses.Add("c.year_from IS NULL");
            }
            else
            {
                Add("c.year_from = @yearFrom", "yearFrom", years.From);
                Add("c.year_to = @yearTo", "yearTo", years.To);
            }
        }

        if (filter.Trim is { } trim)
        {
            Add("c.trim_key = @trim", "trim", MatchKey.Of(trim));
        }

        if (filter.View is { } view)
        {
            Add("i.view = @view", "view", (long)view);
        }

        if (filter.PhotoType is { } photoType)
        {
            Add("i.photo_type = @photoType", "photoType", (long)photoType);
        }

        if (filter.Colour is { } colour)
        {
            if (colour == 0)
            {
                clauses.Add("i.colour IS NULL");
            }
            else
            {
                Add("i.colour = @colour", "colour", (long)colour);
            }
        }

        if (filter.License is { } license)
        {
            if (license == 0)
            {
                clauses.Add("i.license IS NULL");
            }
            else
            {
                Add("i.license = @license", "license", (long)license);
            }
        }

        if (filter.Source is { } source)
        {
            Add("i.source = @source", "source", (long)source);
        }

        if (filter.Quality is { } quality)
        {
            if (quality == Domain.Quality.QualityIssues.None)
            {
                clauses.Add("i.quality_issues = 0");
            }
            else
            {
                Add("(i.quality_issues & @quality) <> 0", "quality", (long)quality);
            }
        }

        if (filter.Vin is { } vin)
        {
            Add("i.vin = @vin", "vin", vin.Trim().ToUpperInvariant());
        }

        return string.Join(" AND ", clauses);
    }
}
