namespace Qedu.Kernel.Localization;

/// <summary>Marker for the kernel's messages (Localization/KernelText.resx: Chinese; KernelText.en.resx: English).</summary>
public sealed class KernelText;
