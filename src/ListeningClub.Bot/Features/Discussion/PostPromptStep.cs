using System.Globalization;
using ListeningClub.Application.Prompts;
using ListeningClub.Application.Steps;
using ListeningClub.Bot.Posting;
using ListeningClub.Domain.Common;
using ListeningClub.Domain.Outbox;
using ListeningClub.Domain.Picks;
using ListeningClub.Domain.Schedule;

namespace ListeningClub.Bot.Features.Discussion;

/// <summary>The step that posts a discussion prompt into the pick's discussion, drawn from the track's deck (no repeats until it is used up).</summary>
public sealed class PostPromptStep(IPickRepository picks, IOutboxRepository outbox, PromptService prompts, TrackPosts posts) : PostingStep(StepKind.PostPrompt, posts)
{
    protected override async Task<Result<StepRun>> PerformAsync(StepRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var track = request.Track;
        var cycle = request.Cycle;
        var intentKey = $"{cycle.Id}:{request.Planned.Key}";
        if (await outbox.FindAsync(PostKinds.Prompt, intentKey, ct).ConfigureAwait(false) is not null)
        {
            // Drawn and stored already (the outbox sends it if it has not gone out yet): drawing again would use up a prompt.
            return await Posts.RecordDoneAsync(request, request.Planned.Key, StepRun.AlreadyPerformed, ct).ConfigureAwait(false);
        }

        if (await picks.GetByCycleAsync(cycle.Id, ct).ConfigureAwait(false) is not { } pick)
        {
            return new Problem("rhythm.no_pick", $"{track.Name} has no announced pick to post a prompt for.");
        }

        var prompt = await prompts.DrawAsync(track, ct).ConfigureAwait(false);
        if (!prompt.IsSuccess)
        {
            return prompt.Problem!;
        }

        var number = int.Parse(request.Planned.Key["prompt-".Length..], CultureInfo.InvariantCulture);
        var message = DiscussionMessages.Prompt(pick, prompt.Value, number);
        return await Posts.PostForStepAsync(request, request.Planned.Key, PostKinds.Prompt, intentKey, message, $"💬 {pick.Media.DisplayName}: prompt {number}", pick.ThreadId, ct).ConfigureAwait(false);
    }
}
