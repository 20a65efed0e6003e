using System.Globalization;
using System.Text;
using ListeningClub.Application.Prompts;
using ListeningClub.Bot.Interactions;
using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Safety;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Prompts;

namespace ListeningClub.Bot.Features.Discussion;

/// <summary>/club prompts list|add|remove: a track's discussion deck, as managers see and edit it.</summary>
public sealed class ClubPrompts(PromptService prompts) : IManagerSubcommand
{
    public static string Help => "the track's discussion deck";

    public static ApplicationCommandOption Definition { get; } = CommandOptions.Group(
        "prompts",
        "The track's discussion prompts",
        CommandOptions.Subcommand("list", "Every prompt in the deck", CommandOptions.Track()),
        CommandOptions.Subcommand("add", "Add a prompt", CommandOptions.Text("text", "The question", required: true, maxLength: Prompt.MaxLength), CommandOptions.Track()),
        CommandOptions.Subcommand("remove", "Remove a prompt", CommandOptions.Text("prompt", "Which prompt", required: true, autocomplete: true), CommandOptions.Track()));

    public async Task<IReadOnlyList<ApplicationCommandOptionChoice>?> AutocompleteAsync(ManagerCall request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Context.FocusedOption?.Name != "prompt")
        {
            return null;
        }

        var track = await request.TrackAsync(ct).ConfigureAwait(false);
        if (!track.IsSuccess)
        {
            return [];
        }

        var typed = request.Context.FocusedOption.Value?.ToString() ?? "";
        return (await prompts.ListAsync(track.Value, ct).ConfigureAwait(false))
            .Where(p => p.Text.Contains(typed, StringComparison.OrdinalIgnoreCase))
            .Take(25)
            .Select(p => ApplicationCommandOptionChoice.ForString(DiscordText.Truncate(p.Text, DiscordLimits.ChoiceName), p.Id.ToString()))
            .ToList();
    }

    public async Task<ManagerOutcome> RunAsync(ManagerCall request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var track = await request.TrackAsync(ct).ConfigureAwait(false);
        if (!track.IsSuccess)
        {
            return track.Problem!;
        }

        var context = request.Context;
        switch (context.CommandPath.ElementAtOrDefault(2))
        {
            case "add":
                var added = await prompts.AddAsync(track.Value, context.GetString("text"), PromptSource.Manager, context.User?.Id, ct).ConfigureAwait(false);
                return added.IsSuccess ? $"Added to the **{Markdown.Text(track.Value.Name)}** deck:\n> {Markdown.Text(added.Value.Text)}" : added.Problem!;

            case "remove":
                if (!PromptId.TryParse(context.GetString("prompt"), out var id))
                {
                    return new Problem("prompts.pick", "Choose the prompt from the list that appears as you type.");
                }

                var removed = await prompts.RemoveAsync(track.Value, id, ct).ConfigureAwait(false);
                return removed.IsSuccess ? $"Removed from the deck:\n> {Markdown.Text(removed.Value.Text)}" : removed.Problem!;

            default:
                return List(track.Value, await prompts.ListAsync(track.Value, ct).ConfigureAwait(false));
        }
    }

    private static ManagerOutcome List(Domain.Clubs.Track track, IReadOnlyList<Prompt> deck)
    {
        var text = new StringBuilder();
        foreach (var (prompt, i) in deck.Select((p, i) => (p, i + 1)))
        {
            var by = prompt.Source == PromptSource.Default ? "" : $" — {Markdown.Member(prompt.AddedBy ?? 0)}";
            text.Append(CultureInfo.InvariantCulture, $"{i}. {Markdown.Text(prompt.Text, 120)}{by}\n");
        }

        return ManagerOutcome.Done(new InteractionReply
        {
            Embeds =
            [
                new Embed
                {
                    Title = DiscordText.Truncate($"{Markdown.Text(track.Name)} — discussion prompts", DiscordLimits.EmbedTitle),
                    Description = deck.Count == 0 ? "The deck is empty: add prompts with /club prompts add." : DiscordText.Truncate(text.ToString(), DiscordLimits.EmbedDescription),
                    Color = Palette.Pick,
                    Footer = new EmbedFooter { Text = Markdown.Count(deck.Count, "prompt", "prompts") },
                },
            ],
            AllowedMentions = AllowedMentions.None,
            Ephemeral = true,
        });
    }
}
