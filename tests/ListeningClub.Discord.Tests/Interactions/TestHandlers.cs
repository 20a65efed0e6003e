using System.Collections.Concurrent;
using ListeningClub.Discord.Interactions;
using ListeningClub.Discord.Models;
using ListeningClub.Discord.Rest.Resources;

namespace ListeningClub.Discord.Tests.Interactions;

/// <summary>What the test handlers saw; the test controls when slow handlers finish.</summary>
public sealed class Probe
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public TaskCompletionSource Proceed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<InteractionContext> Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets <see cref="BlockingHandler"/>'s thread go.</summary>
    public ManualResetEventSlim Released { get; } = new(false);
}

public sealed class NominateHandler(Probe probe) : IRoutedInteractionHandler
{
    public static InteractionRoutes Routes => InteractionRoutes.ForCommand(new ApplicationCommand
    {
        Name = "club",
        Description = "The club",
        Options =
        [
            new ApplicationCommandOption
            {
                Type = ApplicationCommandOptionType.SubCommand,
                Name = "nominate",
                Description = "Nominate a film",
                Options = [new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "title", Description = "Title", Required = true, Autocomplete = true }],
            },
        ],
    });

    public async Task HandleAsync(InteractionContext context, CancellationToken ct)
    {
        probe.Calls.Enqueue("command:" + string.Join(' ', context.CommandPath) + ":" + context.GetString("title"));
        await context.ReplyAsync(InteractionReply.Text("Nominated " + context.GetString("title")), ct);
    }

    public async Task AutocompleteAsync(InteractionContext context, CancellationToken ct)
    {
        probe.Calls.Enqueue("autocomplete:" + context.FocusedOption?.Value?.GetString());
        await context.AutocompleteAsync([ApplicationCommandOptionChoice.ForString("Stalker", "stalker")], ct);
    }
}

public sealed class VoteButtonHandler(Probe probe) : IRoutedInteractionHandler
{
    public static InteractionRoutes Routes => InteractionRoutes.ForComponents("vote");

    public async Task HandleAsync(InteractionContext context, CancellationToken ct)
    {
        probe.Calls.Enqueue("component:" + context.CustomId);
        await context.UpdateAsync(new InteractionReply { Content = "Thanks for voting" }, ct);
    }
}

public sealed class NominateModalHandler(Probe probe) : IRoutedInteractionHandler
{
    public static InteractionRoutes Routes => InteractionRoutes.ForModals("nominate");

    public async Task HandleAsync(InteractionContext context, CancellationToken ct)
    {
        probe.Calls.Enqueue("modal:" + context.GetModalValue("title"));
        await context.ReplyAsync(InteractionReply.Text("ok", ephemeral: true), ct);
    }
}

public sealed class SlowHandler(Probe probe) : IRoutedInteractionHandler
{
    public static InteractionRoutes Routes => InteractionRoutes.ForCommand(new ApplicationCommand { Name = "slow", Description = "Slow" }, deferEphemeral: true);

    public async Task HandleAsync(InteractionContext context, CancellationToken ct)
    {
        probe.Calls.Enqueue("slow");
        probe.Entered.TrySetResult(context);
        await probe.Proceed.Task;
        await context.ReplyAsync(InteractionReply.Text("done"), ct);
    }
}

/// <summary>Blocks its thread (no await) until the test lets it go: bad manners the router must survive.</summary>
public sealed class BlockingHandler(Probe probe) : IRoutedInteractionHandler
{
    public static InteractionRoutes Routes => InteractionRoutes.ForCommand(new ApplicationCommand { Name = "blocking", Description = "Blocks" });

    public Task HandleAsync(InteractionContext context, CancellationToken ct)
    {
        probe.Entered.TrySetResult(context);
        probe.Released.Wait(ct);
        return context.ReplyAsync(InteractionReply.Text("done"), ct);
    }
}

public sealed class FailingHandler(Probe probe) : IRoutedInteractionHandler
{
    public static InteractionRoutes Routes => InteractionRoutes.ForCommand(new ApplicationCommand { Name = "broken", Description = "Broken" });

    public Task HandleAsync(InteractionContext context, CancellationToken ct)
    {
        probe.Calls.Enqueue("broken");
        throw new InvalidOperationException("bug in the handler");
    }
}

/// <summary>Posts a message in the interaction's channel (a bot-token request), then replies.</summary>
public sealed class PostingHandler(IChannelMessagesApi messages) : IRoutedInteractionHandler
{
    public static InteractionRoutes Routes => InteractionRoutes.ForCommand(new ApplicationCommand { Name = "post", Description = "Posts" });

    public async Task HandleAsync(InteractionContext context, CancellationToken ct)
    {
        await messages.CreateAsync(1, new MessageCreateRequest { Content = "posted" }, ct);
        await context.ReplyAsync(InteractionReply.Text("done"), ct);
    }
}
