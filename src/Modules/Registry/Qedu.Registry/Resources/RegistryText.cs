namespace Qedu.Registry.Resources;

/// <summary>Marker for the registry pages' strings (RegistryText.resx: Chinese; RegistryText.en.resx: English).</summary>
public sealed class RegistryText;
