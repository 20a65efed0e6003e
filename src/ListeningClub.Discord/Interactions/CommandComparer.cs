using ListeningClub.Discord.Models;

namespace ListeningClub.Discord.Interactions;

/// <summary>
/// Whether the commands Discord has already match what the handlers declare, ignoring server fields (ids,
/// version) and defaults Discord fills in (type 1, required false, empty lists). Fields the declaration leaves
/// null (contexts, integration types, localisations) are not compared.
/// </summary>
public static class CommandComparer
{
    public static bool AreEquivalent(IReadOnlyList<ApplicationCommand> declared, IReadOnlyList<ApplicationCommand> existing)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(existing);
        if (declared.Count != existing.Count)
        {
            return false;
        }

        var byKey = existing.ToDictionary(c => (c.Type ?? ApplicationCommandType.ChatInput, c.Name));
        foreach (var d in declared)
        {
            if (!byKey.TryGetValue((d.Type ?? ApplicationCommandType.ChatInput, d.Name), out var e) || !Same(d, e))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Same(ApplicationCommand d, ApplicationCommand e) =>
        d.Description == e.Description
        && d.DefaultMemberPermissions == e.DefaultMemberPermissions
        && (d.Nsfw ?? false) == (e.Nsfw ?? false)
        && (d.Contexts is null || SameSet(d.Contexts, e.Contexts))
        && (d.IntegrationTypes is null || SameSet(d.IntegrationTypes, e.IntegrationTypes))
        && (d.NameLocalizations is null || SameMap(d.NameLocalizations, e.NameLocalizations))
        && (d.DescriptionLocalizations is null || SameMap(d.DescriptionLocalizations, e.DescriptionLocalizations))
        && SameOptions(d.Options, e.Options);

    private static bool SameOptions(IReadOnlyList<ApplicationCommandOption>? d, IReadOnlyList<ApplicationCommandOption>? e)
    {
        d ??= [];
        e ??= [];
        if (d.Count != e.Count)
        {
            return false;
        }

        for (var i = 0; i < d.Count; i++)
        {
            var a = d[i];
            var b = e[i];
            var same = a.Type == b.Type
                && a.Name == b.Name
                && a.Description == b.Description
                && (a.Required ?? false) == (b.Required ?? false)
                && (a.Autocomplete ?? false) == (b.Autocomplete ?? false)
                && a.MinValue == b.MinValue
                && a.MaxValue == b.MaxValue
                && a.MinLength == b.MinLength
                && a.MaxLength == b.MaxLength
                && SameSet(a.ChannelTypes ?? [], b.ChannelTypes ?? [])
                && (a.NameLocalizations is null || SameMap(a.NameLocalizations, b.NameLocalizations))
                && (a.DescriptionLocalizations is null || SameMap(a.DescriptionLocalizations, b.DescriptionLocalizations))
                && SameChoices(a.Choices, b.Choices)
                && SameOptions(a.Options, b.Options);
            if (!same)
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameChoices(IReadOnlyList<ApplicationCommandOptionChoice>? d, IReadOnlyList<ApplicationCommandOptionChoice>? e)
    {
        d ??= [];
        e ??= [];
        return d.Count == e.Count && d.Zip(e).All(p => p.First.Name == p.Second.Name && p.First.Value.GetRawText() == p.Second.Value.GetRawText());
    }

    private static bool SameSet<T>(IReadOnlyList<T> d, IReadOnlyList<T>? e) =>
        e is not null && d.ToHashSet().SetEquals(e);

    private static bool SameMap(IReadOnlyDictionary<string, string> d, IReadOnlyDictionary<string, string>? e) =>
        e is not null && d.Count == e.Count && d.All(kv => e.TryGetValue(kv.Key, out var v) && v == kv.Value);
}
