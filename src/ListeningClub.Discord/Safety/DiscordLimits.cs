namespace ListeningClub.Discord.Safety;

/// <summary>Discord's documented length limits (in UTF-16 code units, which never undercounts characters).</summary>
public static class DiscordLimits
{
    public const int Content = 2000;
    public const int EmbedTitle = 256;
    public const int EmbedDescription = 4096;
    public const int EmbedFields = 25;
    public const int EmbedFieldName = 256;
    public const int EmbedFieldValue = 1024;
    public const int EmbedFooter = 2048;
    public const int EmbedAuthor = 256;
    public const int EmbedTotal = 6000;
    public const int EmbedsPerMessage = 10;
    public const int SelectOptionLabel = 100;
    public const int SelectOptionValue = 100;
    public const int SelectOptionDescription = 100;
    public const int SelectPlaceholder = 150;
    public const int ButtonLabel = 80;
    public const int CustomId = 100;
    public const int ModalTitle = 45;
    public const int LabelText = 45;
    public const int LabelDescription = 100;
    public const int ChoiceName = 100;
    public const int ChoiceValue = 100;
    public const int AutocompleteChoices = 25;
    public const int PollQuestion = 300;
    public const int PollAnswer = 55;
    public const int ThreadName = 100;
}
