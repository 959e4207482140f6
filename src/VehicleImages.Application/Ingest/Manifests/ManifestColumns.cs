using System.Collections.Frozen;
using VehicleImages.Application.Ingest.Labels;
using VehicleImages.Domain.Text;

namespace VehicleImages.Application.Ingest.Manifests;

/// <summary>
/// The manifest columns ingest understands, with the spellings people use for them. Column names match
/// forgivingly ("Photo Type", "photo_type"); unknown columns are ignored.
/// </summary>
public static class ManifestColumns
{
    private enum Column
    {
        File, Make, Model, Year, Trim, Body, View, Colour, PhotoType, License, ContextLink, Attribution, Source, Vin, Sequence, Registration, DatePublished,
    }

    private static readonly FrozenDictionary<string, Column> ByKey = new Dictionary<string, Column>
    {
        ["file"] = Column.File, ["path"] = Column.File, ["url"] = Column.File, ["image"] = Column.File,
        ["make"] = Column.Make, ["manufacturer"] = Column.Make,
        ["model"] = Column.Model, ["modelrange"] = Column.Model,
        ["year"] = Column.Year, ["modelyear"] = Column.Year, ["years"] = Column.Year,
        ["trim"] = Column.Trim, ["derivative"] = Column.Trim,
        ["body"] = Column.Body, ["bodytype"] = Column.Body,
        ["view"] = Column.View, ["angle"] = Column.View,
        ["color"] = Column.Colour, ["colour"] = Column.Colour,
        ["phototype"] = Column.PhotoType,
        ["license"] = Column.License, ["licence"] = Column.License,
        ["contextlink"] = Column.ContextLink, ["page"] = Column.ContextLink,
        ["attribution"] = Column.Attribution, ["credit"] = Column.Attribution,
        ["source"] = Column.Source,
        ["vin"] = Column.Vin,
        ["sequence"] = Column.Sequence, ["position"] = Column.Sequence,
        ["registration"] = Column.Registration, ["vrm"] = Column.Registration, ["registrationmark"] = Column.Registration,
        ["datepublished"] = Column.DatePublished, ["published"] = Column.DatePublished,
    }.ToFrozenDictionary();

    /// <summary>The file reference and labels of one record; the file is null when the record names none.</summary>
    public static (string? File, RawLabels Labels) Read(IReadOnlyDictionary<string, string> fields)
    {
        var values = new Dictionary<Column, string>();
        foreach (var (name, value) in fields)
        {
            if (ByKey.TryGetValue(MatchKey.Of(name), out var column) && !string.IsNullOrWhiteSpace(value) && !values.ContainsKey(column))
            {
                values[column] = value.Trim();
            }
        }

        string? Get(Column column) => values.GetValueOrDefault(column);
        return (Get(Column.File), new RawLabels
        {
            Make = Get(Column.Make),
            Model = Get(Column.Model),
            Year = Get(Column.Year),
            Trim = Get(Column.Trim),
            Body = Get(Column.Body),
            View = Get(Column.View),
            Colour = Get(Column.Colour),
            PhotoType = Get(Column.PhotoType),
            License = Get(Column.License),
            ContextLink = Get(Column.ContextLink),
            Attribution = Get(Column.Attribution),
            Source = Get(Column.Source),
            Vin = Get(Column.Vin),
            Sequence = Get(Column.Sequence),
            Registration = Get(Column.Registration),
            DatePublished = Get(Column.DatePublished),
        });
    }
}
