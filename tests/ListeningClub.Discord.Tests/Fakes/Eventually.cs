using Microsoft.Extensions.Time.Testing;

namespace ListeningClub.Discord.Tests.Fakes;

/// <summary>Waits (in real time, briefly) for background work to reach a state; drives the fake clock when asked.</summary>
public static class Eventually
{
    public static async Task True(Func<bool> condition, string because, int timeoutMs = 60_000)
    {
        var started = Environment.TickCount64;
        while (!condition())
        {
            if (Environment.TickCount64 - started > timeoutMs)
            {
                Assert.Fail($"Timed out waiting: {because}");
            }

            await Task.Delay(2);
        }
    }

    /// <summary>Lets queued continuations run without advancing the fake clock.</summary>
    public static Task Settle() => Task.Delay(50);

    /// <summary>Advances the fake clock in steps until the task completes.</summary>
    public static async Task<T> Drive<T>(Task<T> task, FakeTimeProvider clock, TimeSpan step, int maxSteps = 100_000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await Task.Delay(1);
            if (!task.IsCompleted)
            {
                clock.Advance(step);
            }
        }

        return await task;
    }

    public static async Task Drive(Task task, FakeTimeProvider clock, TimeSpan step, int maxSteps = 100_000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await Task.Delay(1);
            if (!task.IsCompleted)
            {
                clock.Advance(step);
            }
        }

        await task;
    }
}
