namespace Qedu.Ui.Components;

public sealed record Crumb(string Text, string? Href = null);
