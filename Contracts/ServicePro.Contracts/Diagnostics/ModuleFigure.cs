namespace ServicePro.Contracts.Diagnostics;

/// <summary>One live figure of a module, shown next to its state on Admin → Modules (for example "Reps online: 12").</summary>
/// <param name="Key">A stable key, unique within the module (used in the page's test ids, e.g. <c>reps-online</c>).</param>
/// <param name="Label">What the figure counts, as an administrator reads it.</param>
/// <param name="Value">The figure now.</param>
public sealed record ModuleFigure(string Key, string Label, long Value);
