// The virtual network the function app lives in: an `app` subnet it integrates with (Flex Consumption delegates it to
// Microsoft.App/environments) whose outbound traffic leaves through a NAT gateway (one stable public address, which
// partners can allow-list), and a `private-endpoints` subnet for the private endpoints of SQL (always) and of storage
// and Key Vault (when public traffic is refused), each with its privatelink DNS zone linked to the network.

@description('Azure region for the resources.')
param location string

@description('Tags applied to every resource.')
param tags { *: string }

@description('Virtual network name.')
param name string

@description('Address space of the virtual network (at least a /24; the app subnet takes its first /26, the private endpoints its second).')
param addressPrefix string

@description('privatelink DNS zones to create and link, e.g. privatelink.database.windows.net.')
param privateDnsZoneNames string[]

var appSubnetPrefix = cidrSubnet(addressPrefix, 26, 0)
var privateEndpointSubnetPrefix = cidrSubnet(addressPrefix, 26, 1)

resource natIp 'Microsoft.Network/publicIPAddresses@2024-05-01' = {
  name: 'pip-${name}-nat'
  location: location
  tags: tags
  sku: {
    name: 'Standard'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
  }
}

resource nat 'Microsoft.Network/natGateways@2024-05-01' = {
  name: 'nat-${name}'
  location: location
  tags: tags
  sku: {
    name: 'Standard'
  }
  properties: {
    idleTimeoutInMinutes: 4
    publicIpAddresses: [
      {
        id: natIp.id
      }
    ]
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: appSubnetPrefix
          natGateway: {
            id: nat.id
          }
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        name: 'private-endpoints'
        properties: {
          addressPrefix: privateEndpointSubnetPrefix
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }

  resource appSubnet 'subnets' existing = {
    name: 'app'
  }

  resource privateEndpointSubnet 'subnets' existing = {
    name: 'private-endpoints'
  }
}

resource dnsZones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for zone in privateDnsZoneNames: {
    name: zone
    location: 'global'
    tags: tags
  }
]

resource dnsZoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (zone, i) in privateDnsZoneNames: {
    parent: dnsZones[i]
    name: '${name}-link'
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: vnet.id
      }
    }
  }
]

output vnetId string = vnet.id
output appSubnetId string = vnet::appSubnet.id
output privateEndpointSubnetId string = vnet::privateEndpointSubnet.id
output natPublicIpId string = natIp.id
output dnsZoneIds string[] = [for (zone, i) in privateDnsZoneNames: dnsZones[i].id]
