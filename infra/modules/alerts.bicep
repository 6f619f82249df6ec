// What an operator must hear about, sent to an action group (e-mail). Each alert's meaning and runbook:
// docs/operations.md. The log alerts query the Log Analytics workspace that holds the app's telemetry
// (workspace-based Application Insights: AppTraces, AppRequests) and the data account's storage logs.

@description('Azure region for the alert rules.')
param location string

@description('Tags applied to every resource.')
param tags { *: string }

@description('Prefix of the alert rule names.')
param namePrefix string

@description('Address the alerts are e-mailed to.')
param alertEmail string

@description('Log Analytics workspace with the app\'s telemetry and the storage logs.')
param workspaceId string

@description('Event Grid system topic whose dead-lettered events raise an alert.')
param eventGridTopicId string

@description('Poison queue of the event queue.')
param poisonQueueName string

@description('Container Event Grid dead-letters undeliverable events to.')
param deadLetterContainerName string

@description('Day of the month after which an LA without last month\'s batch raises an alert.')
@minValue(1)
@maxValue(28)
param lateExtractDay int

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-${namePrefix}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take('perfpipe', 12)
    enabled: true
    emailReceivers: [
      {
        name: 'operators'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var logAlerts = [
  {
    name: 'poison-message'
    severity: 1
    description: 'A batch\'s event failed every attempt and was moved to the poison queue: the batch is not loaded. Runbook: docs/operations.md#poison-message.'
    query: 'StorageQueueLogs | where OperationName == "PutMessage" and ObjectKey has "/${poisonQueueName}"'
    frequency: 'PT15M'
  }
  {
    name: 'dead-lettered-event'
    severity: 1
    description: 'Event Grid could not deliver a batch\'s event and wrote it to the dead-letter container. Runbook: docs/operations.md#dead-lettered-event.'
    query: 'StorageBlobLogs | where OperationName == "PutBlob" and ObjectKey has "/${deadLetterContainerName}/"'
    frequency: 'PT15M'
  }
  {
    name: 'load-failed'
    severity: 1
    description: 'A load was recorded as failed, after every retry (event 1004) or for a reason retrying cannot fix (event 1007). Runbook: docs/operations.md#load-failed.'
    query: 'AppTraces | where tostring(Properties.EventId) in ("1004", "1007")'
    frequency: 'PT15M'
  }
  {
    name: 'late-extract'
    severity: 2
    description: 'An LA has no batch as at last month after day ${lateExtractDay} of this month (event 1201 of the sweep). Runbook: docs/operations.md#late-extract.'
    query: 'AppTraces | where tostring(Properties.EventId) == "1201" and dayofmonth(TimeGenerated) > ${lateExtractDay}'
    frequency: 'P1D'
  }
  {
    name: 'function-errors'
    severity: 2
    description: 'A function invocation failed or the app logged an error. Runbook: docs/operations.md#function-errors.'
    query: 'union (AppRequests | where Success == false), (AppExceptions), (AppTraces | where SeverityLevel >= 3)'
    frequency: 'PT15M'
  }
]

resource logAlertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for alert in logAlerts: {
    name: 'alert-${namePrefix}-${alert.name}'
    location: location
    tags: tags
    properties: {
      displayName: 'PerfPipeline: ${alert.name}'
      description: alert.description
      severity: alert.severity
      enabled: true
      scopes: [
        workspaceId
      ]
      evaluationFrequency: alert.frequency
      windowSize: alert.frequency
      criteria: {
        allOf: [
          {
            query: alert.query
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      autoMitigate: false
      actions: {
        actionGroups: [
          actionGroup.id
        ]
      }
    }
  }
]

// Event Grid's own count of dead-lettered events, independent of the storage logs above.
resource deadLetterMetric 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-${namePrefix}-dead-lettered-count'
  location: 'global'
  tags: tags
  properties: {
    description: 'Event Grid dead-lettered a batch\'s event. Runbook: docs/operations.md#dead-lettered-event.'
    severity: 1
    enabled: true
    scopes: [
      eventGridTopicId
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'dead-lettered'
          metricName: 'DeadLetteredCount'
          metricNamespace: 'Microsoft.EventGrid/systemTopics'
          timeAggregation: 'Total'
          operator: 'GreaterThan'
          threshold: 0
        }
      ]
    }
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}

output actionGroupId string = actionGroup.id
output logAlertNames string[] = [for alert in logAlerts: alert.name]
