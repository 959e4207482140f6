using System.Globalization;

namespace VehicleImages.Benchmarks.Common;

/// <summary>"--name value" pairs from a subcommand's arguments; a name may repeat (e.g. --side).</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    private CommandLine()
    {
    }

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var parsed = new CommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected '--name value' pairs, got '{name}'.", nameof(args));
            }

            if (!parsed._values.TryGetValue(name, out var list))
            {
                parsed._values[name] = list = [];
            }

            list.Add(args[++i]);
        }

        return parsed;
    }

    public string Required(string name) =>
        Optional(name) ?? throw new ArgumentException($"Missing required option {name}.", nameof(name));

    public string? Optional(string name) => _values.TryGetValue(name, out var list) ? list[^1] : null;

    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var list) ? list : [];

    public int Int(string name, int fallback) =>
        Optional(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) =>
        Optional(name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
