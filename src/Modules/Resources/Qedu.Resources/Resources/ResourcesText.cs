namespace Qedu.Resources.Resources;

/// <summary>Marker for the resources module's messages (ResourcesText.resx: Chinese; ResourcesText.en.resx: English).</summary>
public sealed class ResourcesText;
