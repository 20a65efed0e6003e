namespace ListeningClub.Discord.Models;

#pragma warning disable CA1008 // Discord's numbering starts at 1.
public enum ComponentType
{
    ActionRow = 1,
    Button = 2,
    StringSelect = 3,
    TextInput = 4,
    UserSelect = 5,
    RoleSelect = 6,
    MentionableSelect = 7,
    ChannelSelect = 8,
    Section = 9,
    TextDisplay = 10,
    Thumbnail = 11,
    MediaGallery = 12,
    File = 13,
    Separator = 14,
    Container = 17,
    Label = 18,
}

public enum ButtonStyle
{
    Primary = 1,
    Secondary = 2,
    Success = 3,
    Danger = 4,
    Link = 5,
    Premium = 6,
}

public enum TextInputStyle
{
#pragma warning disable CA1720 // Discord's name for a one-line input.
    Short = 1,
#pragma warning restore CA1720
    Paragraph = 2,
}
#pragma warning restore CA1008
