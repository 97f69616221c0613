namespace Qedu.Ui.Resources;

/// <summary>Marker for the shared components' strings (UiText.resx: Chinese; UiText.en.resx: English).</summary>
public sealed class UiText;
