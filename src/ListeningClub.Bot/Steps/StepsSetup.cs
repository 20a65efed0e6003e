using ListeningClub.Application.Steps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ListeningClub.Bot.Steps;

/// <summary>
/// How features plug into the track's steps: each registers the step handlers and event handlers it owns; the
/// <see cref="StepRunner"/> finds the handlers by step, and event handlers run in the order their features were added.
/// </summary>
public static class StepsSetup
{
    public static IServiceCollection AddStepRunner(this IServiceCollection services)
    {
        services.AddSingleton<StepRunner>();
        services.AddSingleton<StepMetrics>();
        return services;
    }

    /// <summary>A step handler (one instance, also resolvable as itself); the runner gets it counted (<see cref="StepMetrics"/>).</summary>
    public static IServiceCollection AddStep<T>(this IServiceCollection services)
        where T : class, IStepHandler
    {
        services.TryAddSingleton<T>();
        services.AddSingleton<IStepHandler>(provider => new MeteredStep(provider.GetRequiredService<T>(), provider.GetRequiredService<StepMetrics>()));
        return services;
    }

    /// <summary>An event handler; when <typeparamref name="T"/> is also registered as a step, the same instance.</summary>
    public static IServiceCollection AddTrackEventListener<TEvent, T>(this IServiceCollection services)
        where T : class, ITrackEventListener<TEvent>
    {
        services.TryAddSingleton<T>();
        services.AddSingleton<ITrackEventListener<TEvent>>(provider => provider.GetRequiredService<T>());
        return services;
    }
}
