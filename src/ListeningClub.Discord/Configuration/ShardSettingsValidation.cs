using Microsoft.Extensions.Options;

namespace ListeningClub.Discord.Configuration;

/// <summary>Checks <c>Discord:ShardCount</c> and <c>Discord:ShardIds</c> at start, naming the setting that is wrong.</summary>
internal sealed class ShardSettingsValidation : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Shards().Problem is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
