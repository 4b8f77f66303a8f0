"""Secondary suppression: more cells suppressed so that no sensitive cell can be worked out.

* :mod:`.registry`    the methods, registered by id, their options, costs and result;
* :mod:`.gauss`       ``gauss``: Gaussian elimination over the :mod:`.null_space`, then
  interval repair;
* :mod:`.milp`        ``milp``: exact cell suppression with HiGHS, by cut generation;
* :mod:`.null_space`  a sparse integer basis of the changes the equations allow, published
  cells fixed: which suppressed cells could be recomputed exactly;
* :mod:`.capacity`    what the attacker's LP duals say about which cells would help;
* :mod:`.cuts`        the capacity inequalities (cuts) of the exact method;
* :mod:`.cut_master`  the master MILP: the cheapest cells that satisfy the cuts;
* :mod:`.completion`  complete a pattern into a protecting one by the same cuts;
* :mod:`.blocking`    equations that alone keep a sensitive cell from moving, found without LPs;
* :mod:`.repair`      widen the intervals still too narrow; publish again cells not needed.
"""
