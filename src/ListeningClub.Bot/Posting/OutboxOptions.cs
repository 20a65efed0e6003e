using System.ComponentModel.DataAnnotations;

namespace ListeningClub.Bot.Posting;

/// <summary>The outbox when several bot instances share one PostgreSQL store. Bound from the <c>Outbox</c> section.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>
    /// How long one attempt at a post keeps its claim (<see cref="Domain.Outbox.IOutboxRepository.TryClaimAsync"/>): far
    /// longer than an attempt takes (a rate-limited post waits seconds), and how long a post waits when the instance
    /// attempting it dies.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00", ErrorMessage = "Outbox:ClaimLease must be between 00:00:10 and 01:00:00 (environment variable ListeningClub__Outbox__ClaimLease).")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);
}
