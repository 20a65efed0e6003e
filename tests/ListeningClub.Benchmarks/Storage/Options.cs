using System.Globalization;

namespace ListeningClub.Benchmarks.Storage;

/// <summary><c>--name value</c> pairs after the scenario name.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _values;

    private Options(Dictionary<string, string> values)
    {
        _values = values;
    }

    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        return new Options(values);
    }

    public int Get(string name, int fallback) =>
        _values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public string GetText(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public IReadOnlyList<int> GetList(string name, IReadOnlyList<int> fallback) =>
        _values.TryGetValue(name, out var text)
            ? text.Split(',').Select(part => int.Parse(part, CultureInfo.InvariantCulture)).ToList()
            : fallback;
}
