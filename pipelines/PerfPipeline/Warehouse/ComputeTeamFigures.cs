namespace PerfPipeline.Warehouse;

using PerfPipeline.CaseData;
using PerfPipeline.Indicators.Teams;

/// <summary>Computes what a load stores for team managers (figures by team, the work list), from the case data as the load leaves it.</summary>
public delegate TeamFigures ComputeTeamFigures(LaCaseData caseData);
