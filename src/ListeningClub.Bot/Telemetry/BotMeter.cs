using System.Diagnostics.Metrics;

namespace ListeningClub.Bot.Telemetry;

/// <summary>
/// The bot's one meter, <see cref="Name"/>, taken from the container's <see cref="IMeterFactory"/> (which hands every
/// caller the same meter): each part that counts something (steps, the outbox, ballots) adds its instruments to it.
/// Every instrument, its unit and its tags are listed in the Bot's README.
/// </summary>
public static class BotMeter
{
    public const string Name = "ListeningClub";

    public static Meter From(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        return meters.Create(Name);
    }

    /// <summary>A tag value in the instruments' style: <c>InstantRunoff</c> → <c>instant_runoff</c>.</summary>
    public static string SnakeCase<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
