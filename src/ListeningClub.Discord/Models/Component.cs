using System.Text.Json.Serialization;

namespace ListeningClub.Discord.Models;

/// <summary>
/// A message or modal component. One flat record for every <see cref="ComponentType"/> so that unknown
/// or newer component types still parse; use the factory methods to build the ones the bot sends.
/// </summary>
public sealed record Component
{
    public ComponentType Type { get; init; }
    public int? Id { get; init; }
    public string? CustomId { get; init; }

    /// <summary>Children of an action row.</summary>
    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>The single child of a label (modals); <c>component</c> on the wire.</summary>
    [JsonPropertyName("component")]
    public Component? Child { get; init; }

    public int? Style { get; init; }
    public string? Label { get; init; }
    public string? Description { get; init; }
    public Emoji? Emoji { get; init; }
    public string? Url { get; init; }
    public bool? Disabled { get; init; }
    public IReadOnlyList<SelectOption>? Options { get; init; }
    public string? Placeholder { get; init; }
    public int? MinValues { get; init; }
    public int? MaxValues { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public bool? Required { get; init; }

    /// <summary>Text input value (in a modal submit, what the user typed).</summary>
    public string? Value { get; init; }

    /// <summary>Selected values (select menus inside a modal submit).</summary>
    public IReadOnlyList<string>? Values { get; init; }

    public static Component ActionRow(params Component[] children) => new() { Type = ComponentType.ActionRow, Components = children };

    public static Component Button(ButtonStyle style, string customId, string label, bool disabled = false, Emoji? emoji = null) => new()
    {
        Type = ComponentType.Button,
        Style = (int)style,
        CustomId = customId,
        Label = label,
        Disabled = disabled ? true : null,
        Emoji = emoji,
    };

    public static Component LinkButton(string url, string label) => new()
    {
        Type = ComponentType.Button,
        Style = (int)ButtonStyle.Link,
        Url = url,
        Label = label,
    };

    public static Component StringSelect(string customId, IReadOnlyList<SelectOption> options, string? placeholder = null, int? minValues = null, int? maxValues = null) => new()
    {
        Type = ComponentType.StringSelect,
        CustomId = customId,
        Options = options,
        Placeholder = placeholder,
        MinValues = minValues,
        MaxValues = maxValues,
    };

    /// <summary>A text input wrapped in a label (the current modal layout).</summary>
    public static Component LabeledTextInput(string label, string customId, TextInputStyle style, string? description = null, int? minLength = null, int? maxLength = null, bool required = true, string? value = null, string? placeholder = null) => new()
    {
        Type = ComponentType.Label,
        Label = label,
        Description = description,
        Child = new Component
        {
            Type = ComponentType.TextInput,
            CustomId = customId,
            Style = (int)style,
            MinLength = minLength,
            MaxLength = maxLength,
            Required = required,
            Value = value,
            Placeholder = placeholder,
        },
    };

    /// <summary>Every component in this tree, depth first (action rows, labels and their children).</summary>
    public IEnumerable<Component> Flatten()
    {
        yield return this;
        if (Components is not null)
        {
            foreach (var child in Components)
            {
                foreach (var c in child.Flatten())
                {
                    yield return c;
                }
            }
        }

        if (Child is not null)
        {
            foreach (var c in Child.Flatten())
            {
                yield return c;
            }
        }
    }
}

public sealed record SelectOption
{
    public string Label { get; init; } = "";
    public string Value { get; init; } = "";
    public string? Description { get; init; }
    public Emoji? Emoji { get; init; }
    public bool? Default { get; init; }
}
