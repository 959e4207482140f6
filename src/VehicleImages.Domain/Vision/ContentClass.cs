using VehicleImages.Domain.Images;

namespace VehicleImages.Domain.Vision;

/// <summary>What a picture shows, as the vision gate tells it.</summary>
public enum ContentClass
{
    Unknown = 0,
    Exterior = 1,
    Interior = 2,
    Engine = 3,

    /// <summary>A part or a detail on its own: a wheel, a light, a parts listing.</summary>
    Part = 4,

    /// <summary>No vehicle at all: a landscape, a person, a building.</summary>
    NoVehicle = 5,

    /// <summary>A drawing, icon, logo or computer render rather than a photo.</summary>
    Render = 6,

    /// <summary>A toy or scale model.</summary>
    Toy = 7,

    /// <summary>A screenshot, chart or document.</summary>
    Screenshot = 8,
}

/// <summary>The wire names of <see cref="ContentClass"/> and what each means for serving.</summary>
public static class ContentClasses
{
    private static readonly (ContentClass Class, string Name)[] All =
    [
        (ContentClass.Exterior, "exterior"),
        (ContentClass.Interior, "interior"),
        (ContentClass.Engine, "engine"),
        (ContentClass.Part, "part"),
        (ContentClass.NoVehicle, "no_vehicle"),
        (ContentClass.Render, "render"),
        (ContentClass.Toy, "toy"),
        (ContentClass.Screenshot, "screenshot"),
    ];

    /// <summary>Every class a head can name, in a fixed order.</summary>
    public static IReadOnlyList<ContentClass> Known { get; } = [.. All.Select(entry => entry.Class)];

    public static string Name(this ContentClass content) =>
        All.FirstOrDefault(entry => entry.Class == content).Name ?? "unknown";

    public static bool TryParse(string? name, out ContentClass content)
    {
        foreach (var (candidate, candidateName) in All)
        {
            if (string.Equals(candidateName, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                content = candidate;
                return true;
            }
        }

        content = ContentClass.Unknown;
        return false;
    }

    /// <summary>A photo of a real vehicle, outside, inside or under the bonnet: what the services serve.</summary>
    public static bool IsVehiclePhoto(this ContentClass content) => content is ContentClass.Exterior or ContentClass.Interior or ContentClass.Engine;

    /// <summary>The photo type a vehicle photo of this class has; null for the other classes.</summary>
    public static PhotoType? PhotoType(this ContentClass content) => content switch
    {
        ContentClass.Exterior => Images.PhotoType.Exterior,
        ContentClass.Interior => Images.PhotoType.Interior,
        ContentClass.Engine => Images.PhotoType.Engine,
        _ => null,
    };
}
