using System.Net;
using ListeningClub.Catalogue.Http;
using Microsoft.Extensions.Options;

namespace ListeningClub.Catalogue.MusicBrainz;

/// <summary>
/// Sits between the retry handler and the network, so every attempt (a retry too) takes its turn in the
/// process-wide <see cref="MusicBrainzRateGate"/> and ends it when the answer's headers are in (or the attempt
/// fails); a 503 makes the whole queue wait.
/// </summary>
internal sealed class MusicBrainzGateHandler(MusicBrainzRateGate gate, IOptionsMonitor<MusicBrainzOptions> options, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await gate.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                gate.BackOff(RetryAfter.From(response, time) ?? options.CurrentValue.BackoffAfter503);
            }

            return response;
        }
        finally
        {
            gate.Finished();
        }
    }
}
