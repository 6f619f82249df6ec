// One private endpoint for one sub-resource (blob, queue, table, vault, sqlServer) of a resource, registered in its
// privatelink DNS zone so that names inside the virtual network resolve to the private address.

@description('Azure region for the endpoint.')
param location string

@description('Tags applied to every resource.')
param tags { *: string }

@description('Endpoint name.')
param name string

@description('Subnet that holds the endpoint.')
param subnetId string

@description('Resource the endpoint connects to.')
param targetId string

@description('Sub-resource (group id): blob, queue, table, vault or sqlServer.')
param groupId string

@description('privatelink DNS zone for that sub-resource.')
param privateDnsZoneId string

resource endpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    subnet: {
      id: subnetId
    }
    privateLinkServiceConnections: [
      {
        name: groupId
        properties: {
          privateLinkServiceId: targetId
          groupIds: [
            groupId
          ]
        }
      }
    ]
  }

  resource dnsZoneGroup 'privateDnsZoneGroups' = {
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        {
          name: groupId
          properties: {
            privateDnsZoneId: privateDnsZoneId
          }
        }
      ]
    }
  }
}
