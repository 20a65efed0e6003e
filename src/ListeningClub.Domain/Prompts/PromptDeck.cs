using ListeningClub.Domain.Common;
using ListeningClub.Domain.Media;

namespace ListeningClub.Domain.Prompts;

/// <summary>Drawing prompts without repeats, and adding member and manager prompts to a deck.</summary>
public static class PromptDeck
{
    /// <summary>The default deck for a new track of <paramref name="kind"/>.</summary>
    public static IReadOnlyList<Prompt> Seed(TrackId trackId, MediaKind kind, DateTimeOffset now) =>
        DefaultPrompts.For(kind)
            .Select(text => new Prompt { Id = PromptId.New(), TrackId = trackId, Text = text, Source = PromptSource.Default, AddedAt = now.ToUniversalTime() })
            .ToList();

    /// <summary>
    /// Draws a prompt nobody has seen in this pass through the deck. When the deck is used up a new pass starts,
    /// and its first prompt is never the one just drawn (unless the deck has a single prompt).
    /// </summary>
    /// <returns>The prompt and the new draw state, or a problem when the deck has no prompts.</returns>
    public static Result<(Prompt Prompt, PromptDrawState State)> Draw(IReadOnlyCollection<Prompt> deck, PromptDrawState state, Random random)
    {
        ArgumentNullException.ThrowIfNull(deck);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(random);

        var live = deck.Where(p => !p.Removed).OrderBy(p => p.AddedAt).ThenBy(p => p.Id.Value).ToList();
        if (live.Count == 0)
        {
            return new Problem("prompts.empty", "This track's prompt deck is empty. Add prompts with /club prompts add or /prompt suggest.");
        }

        var drawn = state.Drawn.ToHashSet();
        var remaining = live.Where(p => !drawn.Contains(p.Id)).ToList();
        var round = state.Round;
        if (remaining.Count == 0)
        {
            round++;
            var last = state.Drawn.Count > 0 ? state.Drawn[^1] : (PromptId?)null;
            remaining = live.Count > 1 ? live.Where(p => p.Id != last).ToList() : live;
            drawn.Clear();
            state = state with { Drawn = [] };
        }

        var prompt = remaining[random.Next(remaining.Count)];
        return (prompt, state with { Round = round, Drawn = [.. state.Drawn, prompt.Id] });
    }

    /// <summary>Checks a new prompt's text and that the deck does not already hold the same question.</summary>
    public static Result<Prompt> Add(IReadOnlyCollection<Prompt> deck, TrackId trackId, string? text, PromptSource source, ulong? addedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(deck);
        var clean = TextInput.Required(text, "prompt", Prompt.MaxLength);
        if (!clean.IsSuccess)
        {
            return clean.Problem!;
        }

        if (TextInput.VisibleLength(clean.Value) < Prompt.MinLength)
        {
            return new Problem("prompts.too_short", $"A prompt needs at least {Prompt.MinLength} characters to start a discussion.");
        }

        var key = IdentityKeys.Normalise(clean.Value);
        if (deck.Any(p => !p.Removed && IdentityKeys.Normalise(p.Text) == key))
        {
            return new Problem("prompts.duplicate", "That prompt is already in the deck.");
        }

        return new Prompt { Id = PromptId.New(), TrackId = trackId, Text = clean.Value, Source = source, AddedBy = addedBy, AddedAt = now.ToUniversalTime() };
    }
}
