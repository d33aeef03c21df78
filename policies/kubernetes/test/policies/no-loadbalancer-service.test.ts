import { noLoadBalancerService } from "../../src/policies/no-loadbalancer-service.js";
import { serviceTypeCases } from "../service-cases.js";

serviceTypeCases(noLoadBalancerService, "LoadBalancer");
