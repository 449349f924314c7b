using System.Globalization;

namespace ServicePro.Testing;

/// <summary>The samples of a Prometheus text scrape, keyed by name and labels (without the exporter's scope label).</summary>
public sealed class PrometheusText
{
    private readonly Dictionary<string, double> _samples;

    private PrometheusText(Dictionary<string, double> samples) => _samples = samples;

    public string Text { get; private init; } = string.Empty;

    public static PrometheusText Parse(string text)
    {
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var split = line.LastIndexOf(' ');
            var key = line[..split];
            var brace = key.IndexOf('{', StringComparison.Ordinal);
            var name = brace < 0 ? key : key[..brace];
            var labels = brace < 0 ? [] : key[(brace + 1)..^1].Split(',').Where(l => !l.StartsWith("otel_scope_", StringComparison.Ordinal)).ToArray();
            samples[labels.Length == 0 ? name : $"{name}{{{string.Join(',', labels)}}}"] = double.Parse(line[(split + 1)..], CultureInfo.InvariantCulture);
        }

        return new PrometheusText(samples) { Text = text };
    }

    /// <summary>A sample's value, 0 when absent (a counter never added to is not exported), e.g. <c>name{outcome="sent"}</c>.</summary>
    public double this[string sample] => _samples.GetValueOrDefault(sample);

    public bool Has(string sample) => _samples.ContainsKey(sample);
}
