using ListeningClub.Catalogue.Model;
using Microsoft.Extensions.Logging;

namespace ListeningClub.Catalogue.Http;

/// <summary>
/// One service's availability, shared by all its callers. It logs state changes only — available → unavailable
/// (one warning per outage), unavailable → available (one information line), credentials rejected (one error until
/// the configuration changes), not configured (one line) — never one line per request. During an outage requests
/// fail fast until a cool-down (or the service's Retry-After) has passed; then one request probes.
/// </summary>
internal sealed class ServiceHealth(ServiceInfo service, TimeProvider time, ILogger logger)
{
    private readonly Lock _lock = new();
    private bool _down;
    private CatalogueFailure _lastFailure;
    private DateTimeOffset _downSince;
    private DateTimeOffset _retryAt;
    private bool _credentialsRejected;
    private bool _notConfiguredLogged;

    public ServiceInfo Service => service;

    /// <summary>True unless the service is in an outage or has rejected our credentials.</summary>
    public bool IsAvailable
    {
        get
        {
            lock (_lock)
            {
                return !_down && !_credentialsRejected;
            }
        }
    }

    /// <summary>False when a request should not be sent now; <paramref name="failure"/> says why.</summary>
    public bool TryEnter(TimeSpan cooldown, out CatalogueFailure failure)
    {
        lock (_lock)
        {
            failure = _credentialsRejected ? CatalogueFailure.BadCredentials : _lastFailure;
            if (_credentialsRejected)
            {
                return false;
            }

            if (!_down)
            {
                return true;
            }

            var now = time.GetUtcNow();
            if (now < _retryAt)
            {
                return false;
            }

            _retryAt = now + cooldown; // this request is the probe; the others keep failing fast until it answers
            return true;
        }
    }

    public void ReportSuccess()
    {
        lock (_lock)
        {
            if (!_down)
            {
                return;
            }

            _down = false;
            var duration = time.GetUtcNow() - _downSince;
            logger.LogInformation("{Service} is available again after {OutageSeconds:0} s; {Feature} work again", service.Name, duration.TotalSeconds, service.Feature);
        }
    }

    public void ReportOutage(CatalogueFailure failure, string detail, TimeSpan cooldown, TimeSpan? retryAfter)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var wait = retryAfter is { } r && r > cooldown ? r : cooldown;
            _retryAt = now + wait;
            _lastFailure = failure;
            if (_down)
            {
                logger.LogDebug("{Service} still unavailable ({Failure}: {Detail})", service.Name, failure, detail);
                return;
            }

            _down = true;
            _downSince = now;
            logger.LogWarning(
                "{Service} is unavailable ({Failure}: {Detail}); {Feature} answer from cache or take titles as typed until it recovers (next try in {RetrySeconds:0} s)",
                service.Name, failure, detail, service.Feature, wait.TotalSeconds);
        }
    }

    public void ReportCredentialsRejected(string detail)
    {
        lock (_lock)
        {
            if (_credentialsRejected)
            {
                return;
            }

            _credentialsRejected = true;
            logger.LogError(
                "{Service} rejected the bot's credentials ({Detail}). No more requests go to {Service} until its configuration changes: {Hint}",
                service.Name, detail, service.Name, service.ConfigHint);
        }
    }

    /// <summary>The configuration changed: try the (new) credentials again.</summary>
    public void ResetCredentials()
    {
        lock (_lock)
        {
            if (_credentialsRejected)
            {
                logger.LogInformation("{Service} configuration changed; trying its credentials again", service.Name);
            }

            _credentialsRejected = false;
            _notConfiguredLogged = false;
        }
    }

    public void ReportNotConfigured()
    {
        lock (_lock)
        {
            if (_notConfiguredLogged)
            {
                return;
            }

            _notConfiguredLogged = true;
            logger.LogInformation("{Service} is not configured, so {Feature} are off and titles are taken as typed; to turn them on, {Hint}", service.Name, service.Feature, service.ConfigHint);
        }
    }
}
