using ListeningClub.Domain.Common;

namespace ListeningClub.Domain.Prompts;

public interface IPromptRepository
{
    /// <summary>The track's whole deck, removed prompts included.</summary>
    Task<IReadOnlyList<Prompt>> ListByTrackAsync(TrackId trackId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces prompts (seeding a deck, adding, removing) in one transaction.</summary>
    Task SaveAsync(IReadOnlyList<Prompt> prompts, CancellationToken cancellationToken);

    Task<PromptDrawState?> GetDrawStateAsync(TrackId trackId, CancellationToken cancellationToken);

    Task SaveDrawStateAsync(PromptDrawState state, CancellationToken cancellationToken);
}
