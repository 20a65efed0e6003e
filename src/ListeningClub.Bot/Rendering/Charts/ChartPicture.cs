namespace ListeningClub.Bot.Rendering.Charts;

/// <summary>A rendered chart: the PNG, and what it shows in words (the attachment's description, read by screen readers).</summary>
public sealed record ChartPicture(byte[] Png, string Description)
{
    /// <summary>Discord's limit on an attachment's description.</summary>
    public const int MaxDescription = 1024;
}
