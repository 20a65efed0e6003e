using ListeningClub.Domain.Clubs;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Prompts;

namespace ListeningClub.Application.Prompts;

/// <summary>A track's discussion deck: suggestions, manager edits and drawing the next prompt.</summary>
public sealed class PromptService(IPromptRepository prompts, TimeProvider time, Random random)
{
    public async Task<Result<Prompt>> AddAsync(Track track, string? text, PromptSource source, ulong? addedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        var deck = await prompts.ListByTrackAsync(track.Id, cancellationToken).ConfigureAwait(false);
        var prompt = PromptDeck.Add(deck, track.Id, text, source, addedBy, time.GetUtcNow());
        if (prompt.IsSuccess)
        {
            await prompts.SaveAsync([prompt.Value], cancellationToken).ConfigureAwait(false);
        }

        return prompt;
    }

    public async Task<Result<Prompt>> RemoveAsync(Track track, PromptId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        var deck = await prompts.ListByTrackAsync(track.Id, cancellationToken).ConfigureAwait(false);
        var prompt = deck.FirstOrDefault(p => p.Id == id && !p.Removed);
        if (prompt is null)
        {
            return new Problem("prompts.unknown", "That prompt isn't in this track's deck.");
        }

        var removed = prompt with { Removed = true };
        await prompts.SaveAsync([removed], cancellationToken).ConfigureAwait(false);
        return removed;
    }

    /// <summary>The deck as members see it (removed prompts left out), oldest first.</summary>
    public async Task<IReadOnlyList<Prompt>> ListAsync(Track track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        var deck = await prompts.ListByTrackAsync(track.Id, cancellationToken).ConfigureAwait(false);
        return deck.Where(p => !p.Removed).OrderBy(p => p.AddedAt).ToList();
    }

    /// <summary>Draws the next prompt and records it, so it is not drawn again until the deck is used up.</summary>
    public async Task<Result<Prompt>> DrawAsync(Track track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        var deck = await prompts.ListByTrackAsync(track.Id, cancellationToken).ConfigureAwait(false);
        var state = await prompts.GetDrawStateAsync(track.Id, cancellationToken).ConfigureAwait(false) ?? PromptDrawState.New(track.Id);
        var drawn = PromptDeck.Draw(deck, state, random);
        if (!drawn.IsSuccess)
        {
            return drawn.Problem!;
        }

        await prompts.SaveDrawStateAsync(drawn.Value.State, cancellationToken).ConfigureAwait(false);
        return drawn.Value.Prompt;
    }
}
