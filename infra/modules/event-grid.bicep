// Event Grid system topic on the data storage account and the subscription that puts every new batch manifest's
// BlobCreated event on the `manifest-events` queue, which LoadBatchOnManifest (a queue trigger) reads. The topic
// writes with its own identity, so no key of the app is needed and the subscription is created in the same
// deployment as everything else, before the app is published: events wait in the queue until it runs. Events that
// cannot be delivered after all retries are dead-lettered to a container rather than dropped; the monthly sweep also
// picks up any batch an event missed. Why a queue and not the blob trigger's webhook: docs/functions.md.

@description('Azure region for the topic.')
param location string

@description('Tags applied to every resource.')
param tags { *: string }

@description('System topic name.')
param topicName string

@description('Data storage account whose blob events are published and which holds the queue.')
param dataStorageName string

@description('Container that receives dead-lettered events.')
param deadLetterContainerName string

@description('Queue the events are delivered to (read by LoadBatchOnManifest).')
param queueName string

var roles = {
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageQueueDataMessageSender: 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a'
}

resource dataStorage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: dataStorageName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource deadLetterContainer 'containers' existing = {
      name: deadLetterContainerName
    }
  }

  resource queueService 'queueServices' existing = {
    name: 'default'

    resource queue 'queues' existing = {
      name: queueName
    }
  }
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: topicName
  location: location
  tags: tags
  // Delivery and dead-lettering authenticate with this identity: the account accepts no shared keys.
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

resource queueSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: dataStorage::queueService::queue
  name: guid(dataStorage::queueService::queue.id, topic.id, roles.storageQueueDataMessageSender)
  properties: {
    principalId: topic.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataMessageSender)
  }
}

resource manifestSubscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: 'load-batch-on-manifest'
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    deliveryWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: dataStorage.id
          queueName: queueName
          // Never expire: a message waits for the app however long it is down.
          queueMessageTimeToLiveInSeconds: -1
        }
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
    queueSender
  ]
}

output topicName string = topic.name
output topicId string = topic.id
