// Event Grid system topic on the data storage account and, once the function app has been published, the
// subscription that hands every new batch manifest to LoadBatchOnManifest (a blob trigger with the Event Grid
// source, which Flex Consumption requires). Events that cannot be delivered after all retries are dead-lettered
// to a container rather than dropped; the monthly sweep also picks up any batch a trigger missed.

@description('Azure region for the topic.')
param location string

@description('Tags applied to every resource.')
param tags { *: string }

@description('System topic name.')
param topicName string

@description('Data storage account whose blob events are published.')
param dataStorageName string

@description('Container that receives dead-lettered events.')
param deadLetterContainerName string

@description('Function app hosting LoadBatchOnManifest.')
param functionAppName string

@description('Create the subscription. Its webhook needs the published app\'s blobs_extension system key, so leave false until the app has been published once.')
param deploySubscription bool

var roles = {
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
}

resource dataStorage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: dataStorageName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource deadLetterContainer 'containers' existing = {
      name: deadLetterContainerName
    }
  }
}

resource functionApp 'Microsoft.Web/sites@2024-11-01' existing = {
  name: functionAppName
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: topicName
  location: location
  tags: tags
  // Dead-lettering authenticates with this identity because the account accepts no shared keys.
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: dataStorage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource deadLetterWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: dataStorage::blobService::deadLetterContainer
  name: guid(dataStorage::blobService::deadLetterContainer.id, topic.id, roles.storageBlobDataContributor)
  properties: {
    principalId: topic.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
  }
}

resource manifestSubscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = if (deploySubscription) {
  parent: topic
  name: 'load-batch-on-manifest'
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    destination: {
      endpointType: 'WebHook'
      properties: {
        // The blob extension's webhook; `Host.Functions.` prefixes the function name.
        endpointUrl: 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.LoadBatchOnManifest&code=${listKeys('${functionApp.id}/host/default', '2024-11-01').systemKeys.blobs_extension}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/extracts/'
      subjectEndsWith: '/manifest.json'
      isSubjectCaseSensitive: false
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: dataStorage.id
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
  dependsOn: [
    deadLetterWriter
  ]
}

output topicName string = topic.name
