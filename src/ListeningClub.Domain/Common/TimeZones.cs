namespace ListeningClub.Domain.Common;

/// <summary>IANA time zone names, checked against the system's zone database.</summary>
public static class TimeZones
{
    /// <summary>Returns the canonical IANA id for <paramref name="timeZoneId"/>, or a problem naming an example.</summary>
    public static Result<string> Resolve(string? timeZoneId)
    {
        var cleaned = TextInput.Clean(timeZoneId);
        if (cleaned.Length == 0)
        {
            return new Problem("timezone.empty", "Choose a time zone, such as Europe/Berlin or America/New_York.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(cleaned, out var zone))
        {
            return new Problem("timezone.unknown", $"\"{cleaned}\" is not a time zone I know. Use an IANA name such as Europe/Berlin, America/New_York or Australia/Sydney.");
        }

        if (!zone.HasIanaId && TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var ianaId))
        {
            return ianaId;
        }

        return zone.Id;
    }

    /// <summary>IANA names containing <paramref name="fragment"/> (case-insensitive), for autocomplete.</summary>
    public static IReadOnlyList<string> Search(string? fragment, int limit)
    {
        var needle = TextInput.Clean(fragment).Replace(' ', '_');
        return TimeZoneInfo.GetSystemTimeZones()
            .Select(zone => zone.Id)
            .Where(id => id.Contains('/', StringComparison.Ordinal) && id.Contains(needle, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }
}
