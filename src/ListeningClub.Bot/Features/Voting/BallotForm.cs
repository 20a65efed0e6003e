using ListeningClub.Bot.Rendering;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Safety;
using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Nominations;
using ListeningClub.Domain.Voting;

namespace ListeningClub.Bot.Features.Voting;

/// <summary>
/// The ephemeral ballot: a single select (plurality), a multi-select (approval), or one select per place (ranked),
/// then Submit. The member's current choices are the selects' default options, so the form is its own draft.
/// </summary>
public static class BallotForm
{
    /// <summary>Discord allows five action rows; one is Submit, so a ranked ballot shows at most four places.</summary>
    public const int MaxRankedPlaces = 4;

    /// <summary>A select menu holds at most 25 options.</summary>
    public const int MaxOptions = 25;

    public static int Places(Track track, int candidates)
    {
        ArgumentNullException.ThrowIfNull(track);
        return track.Rules.VotingMethod is VotingMethod.InstantRunoff or VotingMethod.Schulze
            ? Math.Min(Math.Min(track.Rules.BallotSize, MaxRankedPlaces), candidates)
            : 1;
    }

    public static InteractionCallbackData Render(Track track, IReadOnlyList<Nomination> candidates, IReadOnlyList<NominationId> draft, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(draft);
        var shown = candidates.Take(MaxOptions).ToList();
        var rows = new List<Component>();
        var method = track.Rules.VotingMethod;
        if (method == VotingMethod.Approval)
        {
            rows.Add(Component.ActionRow(Component.StringSelect(
                BallotIds.Choice(track.Id, 0), Options(shown, draft.ToHashSet()), "Choose every nomination you approve of", minValues: 0, maxValues: shown.Count)));
        }
        else
        {
            for (var place = 0; place < Places(track, shown.Count); place++)
            {
                var chosen = place < draft.Count ? new HashSet<NominationId> { draft[place] } : [];
                var placeholder = method == VotingMethod.Plurality ? "Choose one nomination" : $"{Ordinal(place + 1)} choice";
                rows.Add(Component.ActionRow(Component.StringSelect(BallotIds.Choice(track.Id, place), Options(shown, chosen), placeholder, minValues: 0, maxValues: 1)));
            }
        }

        rows.Add(Component.ActionRow(Component.Button(ButtonStyle.Success, BallotIds.Submit(track.Id), "Submit ballot")));
        var intro = method switch
        {
            VotingMethod.Plurality => "Choose one nomination, then press **Submit ballot**.",
            VotingMethod.Approval => "Choose every nomination you'd be happy to see picked, then press **Submit ballot**.",
            _ => "Rank the nominations, most wanted first, then press **Submit ballot**. Leave places empty if you like.",
        };
        var more = candidates.Count > MaxOptions ? $"\nOnly the first {MaxOptions} nominations fit in a ballot form." : "";
        return new InteractionCallbackData
        {
            Content = $"**{Markdown.Text(track.Name)}** ballot. {intro}{more}{(notice is null ? "" : "\n" + notice)}",
            Components = rows,
            Flags = MessageFlags.Ephemeral,
            AllowedMentions = AllowedMentions.None,
        };
    }

    /// <summary>Reads the draft back out of the ballot message: the default option of each place's select, in order.</summary>
    public static IReadOnlyList<NominationId> ReadDraft(IReadOnlyList<Component>? components)
    {
        var choices = new List<NominationId>();
        foreach (var select in (components ?? []).SelectMany(c => c.Flatten()).Where(c => c.Type == ComponentType.StringSelect))
        {
            foreach (var option in (select.Options ?? []).Where(o => o.Default == true))
            {
                if (NominationId.TryParse(option.Value, out var id) && !choices.Contains(id))
                {
                    choices.Add(id);
                }
            }
        }

        return choices;
    }

    /// <summary>Applies one select's new values to the draft: the chosen nomination takes that place (and leaves any other).</summary>
    public static IReadOnlyList<NominationId> Apply(VotingMethod method, IReadOnlyList<NominationId> draft, int place, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(values);
        var picked = values.Select(v => NominationId.TryParse(v, out var id) ? id : (NominationId?)null).OfType<NominationId>().ToList();
        if (method == VotingMethod.Approval)
        {
            return picked;
        }

        var places = draft.Select(id => (NominationId?)id).ToList();
        while (places.Count <= place)
        {
            places.Add(null);
        }

        var chosen = picked.FirstOrDefault();
        for (var i = 0; i < places.Count; i++)
        {
            if (places[i] == chosen)
            {
                places[i] = null;
            }
        }

        places[place] = picked.Count == 0 ? null : chosen;
        return places.OfType<NominationId>().ToList();
    }

    /// <summary>A cast ballot as numbered lines of names, for the member who cast it.</summary>
    public static string Lines(IReadOnlyList<NominationId> choices, IReadOnlyList<Nomination> candidates)
    {
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(candidates);
        return string.Join('\n', choices.Select((id, i) =>
            $"{i + 1}. {(candidates.FirstOrDefault(n => n.Id == id) is { } n ? Markdown.MediaName(n.Media) : "(no longer on the list)")}"));
    }

    private static List<SelectOption> Options(IReadOnlyList<Nomination> candidates, HashSet<NominationId> selected) =>
        candidates.Select(n => new SelectOption
        {
            Label = DiscordText.Truncate(n.Media.DisplayName, DiscordLimits.SelectOptionLabel),
            Value = n.Id.ToString(),
            Description = Description(n),
            Default = selected.Contains(n.Id) ? true : null,
        }).ToList();

    /// <summary>What the catalogue knows of it, then its pitch: "directed by Ridley Scott · 1 h 57 min — In space…".</summary>
    private static string? Description(Nomination nomination)
    {
        var text = string.Join(" — ", new[] { MediaFacts.PlainLine(nomination.Media), nomination.Pitch }.OfType<string>());
        return text.Length == 0 ? null : DiscordText.Truncate(text, DiscordLimits.SelectOptionDescription);
    }

    private static string Ordinal(int n) => n switch
    {
        1 => "1st",
        2 => "2nd",
        3 => "3rd",
        _ => $"{n}th",
    };
}
