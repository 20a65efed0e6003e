namespace ListeningClub.Bot.Rendering;

/// <summary>Embed colours, one per kind of message.</summary>
public static class Palette
{
    public const int Nomination = 0x5865F2;
    public const int Voting = 0xFEE75C;
    public const int Pick = 0x57F287;
    public const int Ratings = 0xEB459E;
}
