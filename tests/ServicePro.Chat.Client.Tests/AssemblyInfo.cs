[assembly: Parallelize(Scope = ExecutionScope.ClassLevel, Workers = 2)]
