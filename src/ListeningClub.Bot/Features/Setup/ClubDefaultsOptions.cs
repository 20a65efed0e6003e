using ListeningClub.Domain.Common;
using Microsoft.Extensions.Options;

namespace ListeningClub.Bot.Features.Setup;

/// <summary>What a new track gets when the manager leaves an option out of /club setup. Bound from the <c>Club</c> section.</summary>
public sealed class ClubDefaultsOptions
{
    public const string SectionName = "Club";

    /// <summary>IANA time zone for a new track when /club setup names none.</summary>
    public string DefaultTimeZone { get; set; } = "UTC";
}

/// <summary>Refuses to start with a default time zone this machine does not know.</summary>
internal sealed class ClubDefaultsValidator : IValidateOptions<ClubDefaultsOptions>
{
    public ValidateOptionsResult Validate(string? name, ClubDefaultsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var zone = TimeZones.Resolve(options.DefaultTimeZone);
        return zone.IsSuccess
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{ClubDefaultsOptions.SectionName}:DefaultTimeZone: \"{options.DefaultTimeZone}\" is not a time zone this machine knows. Use an IANA name such as Europe/Berlin (environment variable ListeningClub__Club__DefaultTimeZone); in a container, install tzdata.");
    }
}
