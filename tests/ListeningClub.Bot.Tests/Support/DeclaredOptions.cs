using System.Text.Json.Nodes;
using ListeningClub.Discord.Models;
using static ListeningClub.Discord.Emulator.Control.Slash;

namespace ListeningClub.Bot.Tests.Support;

/// <summary>
/// Every option of every slash command the bot declares, with the command and subcommand path it belongs to, so a
/// test about a kind of option (channels, choices) covers a new one the day it is added.
/// </summary>
public static class DeclaredOptions
{
    /// <summary>An option as declared: the command's name, the subcommand path under it, its siblings, and itself.</summary>
    public sealed record Declared(string Command, IReadOnlyList<string> Path, IReadOnlyList<ApplicationCommandOption> Siblings, ApplicationCommandOption Option)
    {
        public string Display => $"/{string.Join(' ', [Command, .. Path])} {Option.Name}";

        /// <summary>
        /// The command's options as a member sends them: <paramref name="value"/> for this option and plausible values
        /// (from <paramref name="fill"/>) for the other required ones.
        /// </summary>
        public JsonArray With(object value, Func<ApplicationCommandOption, object> fill)
        {
            ArgumentNullException.ThrowIfNull(fill);
            (string Name, object Value)[] options =
            [
                .. Siblings.Where(o => o.Required == true && o.Name != Option.Name).Select(o => (o.Name, fill(o))),
                (Option.Name, value),
            ];
            return Path switch
            {
                [] => Plain(options),
                [var sub] => Sub(sub, options),
                [var group, var sub] => Group(group, sub, options),
                _ => throw new InvalidOperationException($"{Display}: commands nest at most two levels."),
            };
        }
    }

    /// <summary>The slash commands of every interaction handler in the bot.</summary>
    public static IReadOnlyList<ApplicationCommand> Commands => BotRegistrations.Commands;

    public static IEnumerable<Declared> All() => Commands.SelectMany(c => Walk(c.Name, [], c.Options ?? []));

    public static Declared Find(string display) => All().Single(d => d.Display == display);

    private static IEnumerable<Declared> Walk(string command, IReadOnlyList<string> path, IReadOnlyList<ApplicationCommandOption> options)
    {
        foreach (var option in options)
        {
            if (option.Type is ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup)
            {
                foreach (var inner in Walk(command, [.. path, option.Name], option.Options ?? []))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return new Declared(command, path, options, option);
            }
        }
    }
}
