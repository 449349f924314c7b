namespace ServicePro.Host.Modularity;

/// <summary>
/// Orders modules so that each comes after the modules it depends on, and says which cannot start: those with a
/// dependency that is not listed, disabled or failed, and those in a dependency cycle. Pure logic, no I/O.
/// </summary>
public static class ModuleDependencyResolver
{
    public sealed record Node(string Id, IReadOnlyCollection<string> DependsOn, bool Enabled, string? Failure = null);

    /// <param name="Order">Every node, dependencies first; ties keep the catalog order.</param>
    /// <param name="Failures">Why each enabled node that cannot start cannot, by id.</param>
    public sealed record Result(IReadOnlyList<string> Order, IReadOnlyDictionary<string, string> Failures);

    public static Result Resolve(IReadOnlyList<Node> nodes)
    {
        var byId = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in nodes.Where(n => n.Enabled && n.Failure is not null))
        {
            failures[node.Id] = node.Failure!;
        }

        // Depth-first search over enabled nodes: post-order gives a dependency-first order; a back edge is a cycle.
        var order = new List<string>(nodes.Count);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the stack, 2 = done
        var stack = new List<string>();

        void Visit(Node node)
        {
            state[node.Id] = 1;
            stack.Add(node.Id);
            foreach (var dependency in node.DependsOn)
            {
                if (!byId.TryGetValue(dependency, out var next) || !next.Enabled)
                {
                    continue;
                }

                if (!state.TryGetValue(dependency, out var seen))
                {
                    Visit(next);
                }
                else if (seen == 1)
                {
                    var cycle = stack.Skip(stack.IndexOf(dependency)).Append(dependency).ToList();
                    var description = string.Join(" → ", cycle);
                    foreach (var member in cycle.Distinct())
                    {
                        failures.TryAdd(member, $"part of a dependency cycle: {description}");
                    }
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[node.Id] = 2;
            order.Add(node.Id);
        }

        foreach (var node in nodes)
        {
            if (!state.ContainsKey(node.Id))
            {
                Visit(node);
            }
        }

        // In dependency order, a node fails when one of its dependencies cannot serve it.
        foreach (var id in order)
        {
            var node = byId[id];
            if (!node.Enabled || failures.ContainsKey(id))
            {
                continue;
            }

            foreach (var dependency in node.DependsOn)
            {
                string? reason = null;
                if (!byId.TryGetValue(dependency, out var target))
                {
                    reason = $"depends on '{dependency}', which is not listed in modules.config";
                }
                else if (!target.Enabled)
                {
                    reason = $"depends on '{dependency}', which is disabled";
                }
                else if (failures.ContainsKey(dependency))
                {
                    reason = $"depends on '{dependency}', which failed";
                }

                if (reason is not null)
                {
                    failures[id] = reason;
                    break;
                }
            }
        }

        return new Result(order, failures);
    }
}
